"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/queries/api-fetch";
import type { CustomerListParams } from "@/lib/queries/customers";
import { exportCustomersCsv } from "@/lib/queries/export-customers";

type Progress =
  | { state: "idle" }
  | { state: "running"; rows: number }
  | { state: "done"; rows: number; filename: string }
  | { state: "failed"; message: string };

/** Downloads the list's view as CSV, showing the rows read against the list's total while it streams. */
export function CustomerExportButton({
  params,
  total,
}: {
  params: CustomerListParams;
  total: number | undefined;
}) {
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const run = async () => {
    setProgress({ state: "running", rows: 0 });
    try {
      const { file, filename } = await exportCustomersCsv(params, (rows) =>
        setProgress({ state: "running", rows }),
      );
      const url = URL.createObjectURL(file);
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      link.click();
      URL.revokeObjectURL(url);
      setProgress((current) => ({
        state: "done",
        rows: current.state === "running" ? current.rows : 0,
        filename,
      }));
    } catch (error) {
      setProgress({ state: "failed", message: errorMessage(error) });
    }
  };
  const of = total === undefined ? "" : ` of ${total}`;
  return (
    <div className="flex items-center gap-3">
      <Button onClick={() => void run()} disabled={progress.state === "running"}>
        Export CSV
      </Button>
      <p role="status" aria-live="polite" className="text-sm text-slate-600">
        {progress.state === "running"
          ? `Exporting… ${progress.rows}${of} rows`
          : progress.state === "done"
            ? `Exported ${progress.rows} rows to ${progress.filename}`
            : progress.state === "failed"
              ? `Export failed: ${progress.message}`
              : null}
      </p>
    </div>
  );
}
