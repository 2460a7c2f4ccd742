// The metrics benchmark: a fresh database with 100 000 customers and 200 000
// subscriptions, then one customer's metrics (~500 calls) and the whole book (~20 calls), timed
// through the same lib/server functions the endpoints call; then the report cost limit under
// a burst through the running app (report-burst.ts).
import { performance } from "node:perf_hooks";
import { BOOK_CUSTOMERS, withSeededBook } from "./book-database";
import { measureReportBurst } from "./report-burst";

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function time(calls: number, run: (index: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let index = 0; index < calls; index += 1) {
    const start = performance.now();
    await run(index);
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) };
}

export async function runMetricsBench(): Promise<void> {
  await withSeededBook(async (url) => {
    process.env.DATABASE_URL = url;
    const { getCustomerMetrics } = await import("../../lib/server/metrics/get-customer-metrics");
    const { getBookMetrics } = await import("../../lib/server/metrics/get-book-metrics");
    const { closeDatabase } = await import("../../lib/db");
    const customerId = (index: number) =>
      `cus_${String(1 + ((index * 7919) % BOOK_CUSTOMERS)).padStart(26, "0")}`;

    await time(20, (index) => getCustomerMetrics({ customerId: customerId(index) })); // warm-up
    const one = await time(500, (index) => getCustomerMetrics({ customerId: customerId(index + 1000) }));
    await getBookMetrics({ atRiskLimit: 10 }); // warm-up
    const book = await time(20, () => getBookMetrics({ atRiskLimit: 10 }));
    await closeDatabase();

    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `GET /customers/{id}/metrics.json  500 calls  p50 ${ms(one.p50)}  p95 ${ms(one.p95)}  max ${ms(one.max)}  (goal p95 < 20 ms)`,
    );
    console.log(
      `GET /metrics.json                  20 calls  p50 ${ms(book.p50)}  p95 ${ms(book.p95)}  max ${ms(book.max)}  (goal < 500 ms)`,
    );
    await measureReportBurst(url);
  });
}
