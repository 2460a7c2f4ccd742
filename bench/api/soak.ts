// npx tsx bench/api/soak.ts [--minutes 10] [--customers 100000]
// The API's memory soak: the app under a steady mix of creates, lists and searches at 32
// connections for --minutes, its resident memory (launcher + next-server) sampled every 10 s.
// Reports the samples, the peak of each half (growth would lift the second) and the slope.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchAppEnv, startBenchApp } from "./app-process";
import { openBenchDatabase, removeBenchRows, withClient } from "./database";
import { runLoad } from "./load";
import { appRss } from "./memory";
import { commonSearch, customerCreates, firstPage, rareSearch } from "./requests";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    customers: { type: "string", default: "100000" },
    port: { type: "string", default: "3700" },
  },
});
const minutes = Number(values.minutes);
const port = Number(values.port);
const log = (line: string) => console.log(`[soak] ${line}`);
process.env.DONUTWORK_DATA_DIR ||= `.data-bench/${values.customers}`;

// Two creates in five requests: the write path (audit, outbox, webhooks queue) grows state.
const create = customerCreates(`soak-${Date.now().toString(36)}`);
const mix = [() => create("app"), firstPage, () => create("app"), commonSearch, rareSearch];
let turn = 0;
const next = () => (mix[turn++ % mix.length] as () => ReturnType<typeof firstPage>)();

const database = await openBenchDatabase(log);
const app = await startBenchApp(benchAppEnv(port), path.resolve("bench/results/app-soak.log"));
const samples: { minute: number; rssMb: number; requests: number; errors: number }[] = [];
try {
  const pid = app.child.pid ?? 0;
  const headers = { authorization: `Bearer ${app.secret}` };
  const started = Date.now();
  let requests = 0;
  let errors = 0;
  samples.push({ minute: 0, rssMb: appRss(pid).totalMb, requests, errors });
  log(`start: ${samples[0]?.rssMb} MB`);
  // Ten-second slices of load, a memory sample after each.
  while (Date.now() - started < minutes * 60_000) {
    const result = await runLoad({ port, connections: 32, seconds: 10, headers, next });
    requests += result.requests;
    errors += result.errors;
    const sample = {
      minute: Math.round((Date.now() - started) / 600) / 100,
      rssMb: appRss(pid).totalMb,
      requests,
      errors,
    };
    samples.push(sample);
    log(
      `${sample.minute} min: ${sample.rssMb} MB, ${requests} requests, ${errors} errors (${result.rps} req/s)`,
    );
  }
} finally {
  await app.stop();
  await withClient(database.url, removeBenchRows);
  await database.release();
}

// RSS saws up and down with V8's collections (±100 MB here), so a slope over a few samples says
// little; the peak of each half says whether the ceiling moves.
const firstHalf = samples.filter((sample) => sample.minute > 0 && sample.minute < minutes / 2);
const secondHalf = samples.filter((sample) => sample.minute >= minutes / 2);
const growth = slope(secondHalf.map((sample) => [sample.minute, sample.rssMb]));
const peakOf = (part: typeof samples) => Math.max(...part.map((sample) => sample.rssMb));
const summary = {
  minutes,
  requests: samples.at(-1)?.requests,
  errors: samples.at(-1)?.errors,
  startMb: samples[0]?.rssMb,
  peakMb: Math.max(...samples.map((sample) => sample.rssMb)),
  endMb: samples.at(-1)?.rssMb,
  firstHalfPeakMb: peakOf(firstHalf),
  secondHalfPeakMb: peakOf(secondHalf),
  secondHalfGrowthMbPerMinute: Math.round(growth * 100) / 100,
  samples,
};
writeFileSync(path.resolve("bench/results/soak.json"), `${JSON.stringify(summary, null, 2)}\n`);
log(
  `${summary.requests} requests, ${summary.errors} errors; RSS ${summary.startMb} → end ${summary.endMb} MB; peak ${summary.firstHalfPeakMb} MB in the first half, ${summary.secondHalfPeakMb} MB in the second (slope ${summary.secondHalfGrowthMbPerMinute} MB/min; bench/results/soak.json)`,
);

/** Least-squares slope of y over x. */
function slope(points: number[][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((sum, [x = 0]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y = 0]) => sum + y, 0) / n;
  const covariance = points.reduce((sum, [x = 0, y = 0]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x = 0]) => sum + (x - meanX) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}
