/** The wordmark with a drawn donut: emoji fonts are not installed everywhere (they showed as a box). */
export function Logo() {
  return (
    <span className="inline-flex items-center gap-2 text-lg font-semibold tracking-tight">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
        <circle cx="12" cy="12" r="10" fill="#f59e0b" />
        <circle cx="12" cy="12" r="8" fill="#f472b6" />
        <circle cx="12" cy="12" r="3.5" fill="currentColor" className="text-slate-900" />
      </svg>
      DonutWork
    </span>
  );
}
