import * as api from "@donutwork/api-client";
import { fromPages } from "./api-fetch";
import { bracketQuery, type CustomerListParams } from "./customers";

/** Counts CSV records as the chunks arrive: line breaks outside quoted cells end a record. */
export function csvRecordCounter() {
  let quoted = false;
  let records = 0;
  return {
    add(text: string) {
      for (const char of text) {
        if (char === '"') quoted = !quoted;
        else if (char === "\n" && !quoted) records++;
      }
      return records;
    },
  };
}

/**
 * GET /customers.csv for the list's filters, read as a stream so the page can say how many rows
 * have arrived (`onRows`, the header not counted); the file and the name the server gave it.
 */
export async function exportCustomersCsv(
  { cursor: _cursor, ...params }: CustomerListParams,
  onRows: (rows: number) => void,
): Promise<{ file: Blob; filename: string }> {
  const { data, response } = await api.exportCustomers({
    ...fromPages,
    ...bracketQuery,
    query: params as NonNullable<api.ExportCustomersData["query"]>,
    parseAs: "stream",
  });
  const stream = data as unknown as ReadableStream<Uint8Array>;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const counter = csvRecordCounter();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    onRows(Math.max(0, counter.add(decoder.decode(value, { stream: true })) - 1));
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "customers.csv";
  return { file: new Blob(parts as BlobPart[], { type: "text/csv" }), filename };
}
