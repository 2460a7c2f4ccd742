// npx tsx bench/metrics/run-report-burst.ts: only the report burst of the metrics benchmark
// (report-burst.ts), on a freshly seeded book of BENCH_CUSTOMERS (100,000) customers.
import { withSeededBook } from "./book-database";
import { measureReportBurst } from "./report-burst";

await withSeededBook((url) => measureReportBurst(url));
