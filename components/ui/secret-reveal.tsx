import { CopyButton } from "./copy-button";

/** A secret shown once, right after creation, with a copy button and a plain warning. */
export function SecretReveal({ label, secret }: { label: string; secret: string }) {
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <p className="text-sm font-medium text-amber-900">
        {label}: shown only once. Copy it now and keep it safe.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <code
          data-testid="revealed-secret"
          className="rounded bg-white px-2 py-1 font-mono text-sm break-all"
        >
          {secret}
        </code>
        <CopyButton text={secret} label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}
