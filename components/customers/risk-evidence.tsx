import { webLink } from "@/lib/format/web-link";
import type { Invoice, RiskEvidence } from "@/lib/queries/types";

const NAMES: Record<RiskEvidence["type"], string> = {
  payment_method: "card",
  charge: "charge",
  subscription: "subscription",
  invoice: "invoice",
};

// The objects with a GET of their own in the API (lib/operations: /charges/{id}.json,
// /subscriptions/{id}.json, /invoices/{id}.json); cards are shown by id only.
const LINKS: Partial<Record<RiskEvidence["type"], (id: string) => string>> = {
  charge: (id) => `/charges/${id}.json`,
  subscription: (id) => `/subscriptions/${id}.json`,
  invoice: (id) => `/invoices/${id}.json`,
};

/**
 * What a risk signal is based on: each object by kind and id, linked where the API serves it; an
 * invoice among `invoices` (the customer's invoices the page has loaded) links to its hosted
 * page, the document the customer was sent, instead.
 */
export function RiskEvidenceList({
  evidence,
  invoices = [],
}: {
  evidence: RiskEvidence[];
  invoices?: readonly Pick<Invoice, "id" | "hosted_invoice_url">[];
}) {
  if (evidence.length === 0) return null;
  return (
    <ul aria-label="Evidence" className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
      {evidence.map((item) => {
        const hosted =
          item.type === "invoice"
            ? webLink(invoices.find((invoice) => invoice.id === item.id)?.hosted_invoice_url ?? null)
            : null;
        const href = hosted ?? LINKS[item.type]?.(item.id);
        const id = <code className="font-mono">{item.id}</code>;
        return (
          <li key={`${item.type}-${item.id}`}>
            {NAMES[item.type]}{" "}
            {href ? (
              <a
                href={href}
                className="text-indigo-700 underline"
                {...(hosted ? { target: "_blank", rel: "noopener noreferrer" } : {})}
              >
                {id}
              </a>
            ) : (
              id
            )}
          </li>
        );
      })}
    </ul>
  );
}
