const TONES: Record<string, string> = {
  active: "bg-emerald-100 text-emerald-800",
  succeeded: "bg-emerald-100 text-emerald-800",
  completed: "bg-emerald-100 text-emerald-800",
  synced: "bg-emerald-100 text-emerald-800",
  open: "bg-sky-100 text-sky-800",
  opened: "bg-sky-100 text-sky-800",
  trialing: "bg-sky-100 text-sky-800",
  pending: "bg-amber-100 text-amber-800",
  suspended: "bg-amber-100 text-amber-800",
  past_due: "bg-amber-100 text-amber-800",
  medium: "bg-amber-100 text-amber-800",
  low: "bg-emerald-100 text-emerald-800",
  high: "bg-rose-100 text-rose-800",
  failed: "bg-rose-100 text-rose-800",
  deleted: "bg-rose-100 text-rose-800",
  canceled: "bg-slate-200 text-slate-700",
  revoked: "bg-slate-200 text-slate-700",
  disabled: "bg-slate-200 text-slate-700",
  expired: "bg-slate-200 text-slate-700",
};

/** A coloured pill for any status word the API returns; unknown words fall back to grey. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status] ?? "bg-slate-100 text-slate-700"}`}
    >
      {status.replaceAll("_", " ")}
    </span>
  );
}
