import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/query-state";
import { isGeneralError } from "@/lib/queries/field-problems";

/**
 * The frame of every billing form: a labelled form, its fields and effect preview, one submit
 * button (disabled while sending or when the form cannot act) and Close. An error that names a
 * field is shown beside that field by the form; any other is shown here.
 */
export function ActionForm({
  title,
  submitLabel,
  pending,
  canSubmit,
  error,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  submitLabel: string;
  pending: boolean;
  canSubmit: boolean;
  error: unknown;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <form
      aria-label={title}
      noValidate
      className="mt-3 rounded-lg border border-indigo-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (canSubmit) onSubmit();
      }}
    >
      <h3 className="mb-3 text-sm font-semibold">{title}</h3>
      <div className="space-y-3">{children}</div>
      {isGeneralError(error) ? (
        <div className="mt-3">
          <ErrorText error={error} />
        </div>
      ) : null}
      <div className="mt-4 flex gap-2">
        <Button type="submit" variant="primary" disabled={pending || !canSubmit}>
          {pending ? "Working…" : submitLabel}
        </Button>
        <Button onClick={onClose}>Close</Button>
      </div>
    </form>
  );
}
