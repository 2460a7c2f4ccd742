import http from "node:http";
import { type LoadResult, runLoad, send } from "./load";

/** GET /metrics.json p95 goals by book size: under 150 ms at 100,000 customers, under 500 ms at 1,000,000. */
export const bookMetricsGoalMs = (customers: number) => (customers >= 1_000_000 ? 500 : 150);

/**
 * GET /metrics.json (the whole book) from one client, one request after the other, for
 * `seconds` after two warm-up requests: the report's latency when nothing else runs.
 */
export async function measureBookMetrics(options: {
  port: number;
  headers: Record<string, string>;
  seconds: number;
}): Promise<LoadResult> {
  const next = () => ({ method: "GET" as const, path: "/metrics.json" });
  const load = (seconds: number) =>
    runLoad({ port: options.port, connections: 1, seconds, headers: options.headers, next });
  const agent = new http.Agent({ keepAlive: true });
  for (let n = 0; n < 2; n++) await send(agent, options.port, next(), options.headers);
  agent.destroy();
  return load(options.seconds);
}
