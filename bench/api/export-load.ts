import http from "node:http";
import { appRss } from "./memory";

export interface ExportFigures {
  status: number;
  seconds: number;
  /** CSV lines after the header (no seeded value holds a line break). */
  rows: number;
  megabytes: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
  /** Peak minus before: the goal's figure. */
  rssGrowthMb: number;
}

export const EXPORT_SECONDS_GOAL = 60;
export const EXPORT_RSS_GROWTH_GOAL_MB = 100;

/**
 * One GET /customers.csv read to its end as fast as the client can, while the app's resident
 * memory (launcher + next-server, memory.ts) is sampled from /proc every 200 ms.
 */
export async function measureExport(options: {
  port: number;
  headers: Record<string, string>;
  appPid: number;
  query?: string;
}): Promise<ExportFigures> {
  const before = appRss(options.appPid).totalMb;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, appRss(options.appPid).totalMb);
  }, 200);
  const started = performance.now();
  const { status, lines, bytes } = await new Promise<{ status: number; lines: number; bytes: number }>(
    (resolve, reject) => {
      const request = http.get(
        {
          host: "127.0.0.1",
          port: options.port,
          path: `/customers.csv${options.query ? `?${options.query}` : ""}`,
          headers: options.headers,
        },
        (response) => {
          let count = 0;
          let total = 0;
          response.on("data", (chunk: Buffer) => {
            total += chunk.length;
            for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) count++;
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, lines: count, bytes: total }));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
    },
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const after = appRss(options.appPid).totalMb;
  peak = Math.max(peak, after);
  return {
    status,
    seconds: Math.round(seconds * 10) / 10,
    rows: Math.max(lines - 1, 0),
    megabytes: Math.round(bytes / 104_857.6) / 10,
    rssBeforeMb: before,
    rssPeakMb: peak,
    rssAfterMb: after,
    rssGrowthMb: Math.round((peak - before) * 10) / 10,
  };
}
