import type { ReactNode } from "react";
import { Button } from "./button";

/**
 * A form's actions: any extra buttons, the submit button (disabled while saving) and a "Saved"
 * line in a status region, so screen readers announce the save as sighted users see it.
 */
export function SaveActions({
  label,
  pending,
  saved,
  children,
}: {
  label: string;
  pending: boolean;
  saved: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="mt-4 flex flex-wrap items-center gap-3">
      {children}
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Saving…" : label}
      </Button>
      <span role="status" className="text-sm text-emerald-700">
        {saved ? "Saved" : ""}
      </span>
    </div>
  );
}
