// npm run bench: the benchmarks of the project. Metrics over a 100 000-customer book (issue 4).
import { runMetricsBench } from "./metrics/run-metrics-bench";

await runMetricsBench();
