"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText, LoadingText } from "@/components/ui/query-state";
import { customerLabel } from "@/lib/format/customer-label";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import { type MovementSelection, movementsQuery } from "@/lib/queries/metrics";
import type { MrrMovement } from "@/lib/queries/types";
import { MOVEMENT_LABELS, movementSign } from "./movement-types";
import { MrrCauses } from "./mrr-causes";

export interface DrillDown extends MovementSelection {
  /** The period's name, as under its bar: "Nov 2026". */
  period: string;
}

const cell = "px-3 py-1.5 align-top";

function MovementRow({ movement }: { movement: MrrMovement }) {
  const money = (amount: number) => formatMoney(amount, movement.currency);
  return (
    <tr data-testid="drill-down-row">
      <td className={cell}>{formatDate(movement.at)}</td>
      <td className={cell}>
        <Link href={`/customers/${movement.customer.id}`} className="text-indigo-700 hover:underline">
          {customerLabel(movement.customer)}
        </Link>
      </td>
      <td className={cell}>{MOVEMENT_LABELS[movement.type]}</td>
      <td className={`${cell} whitespace-nowrap tabular-nums`}>
        {money(movement.mrr_before)} → {money(movement.mrr_after)}
      </td>
      <td className={`${cell} text-right tabular-nums`} data-testid="drill-down-amount">
        {money(movementSign(movement.type) * movement.amount)}
      </td>
      <td className={cell}>
        <MrrCauses changes={movement.changes} currency={movement.currency} />
      </td>
    </tr>
  );
}

function Movements({ selection }: { selection: DrillDown }) {
  const { currency, from, to, type } = selection;
  const query = useInfiniteQuery(movementsQuery({ currency, from, to, type }));
  if (query.isPending) return <LoadingText what="the movements" />;
  if (query.isError) return <ErrorText error={query.error} onRetry={() => void query.refetch()} />;
  const rows = query.data.pages.flatMap((page) => page.data);
  const totals = query.data.pages[0]?.totals ?? { count: 0, amount: 0 };
  const what = selection.type ? MOVEMENT_LABELS[selection.type].toLowerCase() : "all";
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="drill-down-totals">
        {totals.count.toLocaleString("en-US")} {totals.count === 1 ? "movement" : "movements"}
        {selection.type
          ? `, ${formatMoney(movementSign(selection.type) * totals.amount, selection.currency)} in all`
          : null}
        {rows.length < totals.count ? ` (showing ${rows.length.toLocaleString("en-US")})` : null}
      </p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">No movements in this period.</p>
      ) : (
        <div className="max-h-[55vh] overflow-auto rounded-md border border-slate-200">
          <table className="w-full text-sm">
            <caption className="sr-only">
              {selection.currency} {what} movements, {selection.period}
            </caption>
            <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-600">
              <tr>
                <th scope="col" className={cell}>
                  Date
                </th>
                <th scope="col" className={cell}>
                  Customer
                </th>
                <th scope="col" className={cell}>
                  Type
                </th>
                <th scope="col" className={cell}>
                  MRR before → after
                </th>
                <th scope="col" className={`${cell} text-right`}>
                  Change
                </th>
                <th scope="col" className={cell}>
                  Causes
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((movement) => (
                <MovementRow key={movement.id} movement={movement} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {query.hasNextPage ? (
        <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? "Loading…" : "Show more"}
        </Button>
      ) : null}
    </div>
  );
}

/**
 * The customers behind a bar segment or a point (GET /metrics/movements.json), in a native
 * modal <dialog>: focus moves into it and back to the opener, Escape closes it.
 */
export function DrillDownDialog({
  selection,
  onClose,
}: {
  selection: DrillDown | null;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (selection && !element.open) element.showModal();
    if (!selection && element.open) element.close();
  }, [selection]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="drill-down-title"
      onClose={onClose}
      className="m-auto w-full max-w-5xl rounded-xl p-6 shadow-xl backdrop:bg-slate-900/40"
    >
      {selection ? (
        <div className="space-y-4">
          <div className="flex items-start justify-between gap-4">
            <div>
              <h2 id="drill-down-title" className="text-lg font-semibold">
                {`${selection.type ? MOVEMENT_LABELS[selection.type] : "Every movement"}, ${selection.period} (${selection.currency})`}
              </h2>
              <p className="text-xs text-slate-600">
                {formatDate(selection.from)} – {formatDate(selection.to)}, UTC
              </p>
            </div>
            <Button onClick={onClose}>Close</Button>
          </div>
          <Movements selection={selection} />
        </div>
      ) : null}
    </dialog>
  );
}
