// npm run bench [-- --customers 1000000 --duration 10 --repeat 2]
// The project's benchmarks: the API against a plain node:http + pg floor server, at 32
// connections (bench/api/README.md; the options go to it), then the list's speed measurements
// (bench/api/run-speed.ts: --customers and --duration go to it too), then the metrics over a
// 100 000-customer book (bench/metrics/README.md).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { runMetricsBench } from "./metrics/run-metrics-bench";

const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
const api = spawnSync(process.execPath, [tsx, "bench/api/run.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
});
if (api.status !== 0) process.exit(api.status ?? 1);
// The list's speed goals (bench/api/README.md) on the app alone: filters, sorts, the CSV export, /metrics.json.
const speed = spawnSync(process.execPath, [tsx, "bench/api/run-speed.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
});
if (speed.status !== 0) process.exit(speed.status ?? 1);

await runMetricsBench();
