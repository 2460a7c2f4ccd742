import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { cardState } from "@/lib/format/card-state";
import { customerLabel } from "@/lib/format/customer-label";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import type { Customer } from "@/lib/queries/types";

const RISK_STYLE = { low: "text-emerald-700", medium: "text-amber-700", high: "text-rose-700" } as const;

/** Amounts per currency, one line each ("—" without any). */
function PerCurrency({ amounts }: { amounts: Record<string, number> }) {
  const entries = Object.entries(amounts);
  if (entries.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <ul>
      {entries.map(([currency, amount]) => (
        <li key={currency} className="whitespace-nowrap tabular-nums">
          {formatMoney(amount, currency)}
        </li>
      ))}
    </ul>
  );
}

function Card({ card }: { card: Customer["default_payment_method"] }) {
  if (!card) return <span className="text-slate-500">No card</span>;
  const state = cardState(card);
  return (
    <span className="whitespace-nowrap">
      {card.brand} ···· {card.last4}{" "}
      <span className="text-slate-600">
        {String(card.exp_month).padStart(2, "0")}/{card.exp_year}
      </span>
      {state !== "valid" ? (
        <span
          className={`ml-1 rounded px-1.5 py-0.5 text-xs font-medium ${state === "expired" ? "bg-rose-100 text-rose-800" : "bg-amber-100 text-amber-800"}`}
        >
          {state}
        </span>
      ) : null}
    </span>
  );
}

export function CustomerRow({ customer }: { customer: Customer }) {
  return (
    <tr className="hover:bg-slate-50">
      <td className="px-4 py-2.5">
        <Link href={`/customers/${customer.id}`} className="font-medium text-indigo-700 hover:underline">
          {customerLabel(customer)}
        </Link>
        <div className="text-xs text-slate-600">{customer.email}</div>
        <div className="font-mono text-xs text-slate-500">{customer.external_id}</div>
      </td>
      <td className="px-4 py-2.5">
        <StatusBadge status={customer.status} />
      </td>
      <td className="px-4 py-2.5">{customer.address.country}</td>
      <td className="px-4 py-2.5">
        <PerCurrency amounts={customer.mrr} />
      </td>
      <td className="px-4 py-2.5">
        <PerCurrency amounts={customer.yrr} />
      </td>
      <td className="px-4 py-2.5 whitespace-nowrap">
        <span className={`font-medium ${RISK_STYLE[customer.risk.level]}`}>{customer.risk.level}</span>{" "}
        <span className="tabular-nums text-slate-600">{customer.risk.score}</span>
      </td>
      <td className="px-4 py-2.5">
        <Card card={customer.default_payment_method} />
      </td>
      <td className="px-4 py-2.5 whitespace-nowrap">{formatDate(customer.created_at)}</td>
    </tr>
  );
}
