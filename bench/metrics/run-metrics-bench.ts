// The metrics benchmark: a fresh database with 100 000 customers and 200 000
// subscriptions, then one customer's metrics (~500 calls) and the whole book (~20 calls), timed
// through the same lib/server functions the endpoints call, then the MRR series and a month's
// drill-down (GET /metrics/mrr.json, /metrics/movements.json); then the report cost limit under
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

/**
 * GET /metrics/mrr.json's default (24 monthly points, USD) and one month's drill-down (last
 * month, USD, first page of 25, all types and churn only), 50 calls each after a warm-up.
 */
async function timeRevenue() {
  const { getMrrSeries } = await import("../../lib/server/metrics/get-mrr-series");
  const { listMrrMovements } = await import("../../lib/server/metrics/list-mrr-movements");
  const { addDays, defaultSeriesFrom } = await import("../../lib/metrics");
  const today = new Date().toISOString().slice(0, 10);
  const monthStart = `${today.slice(0, 7)}-01`;
  const lastMonth = { from: `${addDays(monthStart, -1).slice(0, 7)}-01`, to: addDays(monthStart, -1) };
  const series = () =>
    getMrrSeries({ currency: "USD", from: defaultSeriesFrom(today), to: today, interval: "month" });
  const drill = (type?: "churn") => listMrrMovements({ currency: "USD", ...lastMonth, type, limit: 25 });
  await series();
  await drill();
  return {
    "GET /metrics/mrr.json (24 months)": await time(50, series),
    "GET /metrics/movements.json (month)": await time(50, () => drill()),
    "… ?type=churn (month)": await time(50, () => drill("churn")),
  };
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
    const revenue = await timeRevenue();
    await closeDatabase();

    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `GET /customers/{id}/metrics.json  500 calls  p50 ${ms(one.p50)}  p95 ${ms(one.p95)}  max ${ms(one.max)}  (goal p95 < 20 ms)`,
    );
    console.log(
      `GET /metrics.json                  20 calls  p50 ${ms(book.p50)}  p95 ${ms(book.p95)}  max ${ms(book.max)}  (goal < 500 ms)`,
    );
    for (const [name, figures] of Object.entries(revenue)) {
      console.log(
        `${name.padEnd(34)} 50 calls  p50 ${ms(figures.p50)}  p95 ${ms(figures.p95)}  max ${ms(figures.max)}  (goal p95 < ${BOOK_CUSTOMERS >= 1_000_000 ? 500 : 150} ms)`,
      );
    }
    if (process.env.BENCH_SKIP_BURST !== "1") await measureReportBurst(url);
  });
}
