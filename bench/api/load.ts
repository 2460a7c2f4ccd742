import http from "node:http";

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  body?: string;
}

export interface LoadResult {
  seconds: number;
  requests: number;
  errors: number;
  /** Count per status code; 0 stands for a network error. */
  statuses: Record<string, number>;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** The first error response, to tell what went wrong. */
  sampleError?: string;
}

/**
 * A closed-loop load generator: `connections` workers on keep-alive sockets, each sending its next
 * request as soon as the previous answer is read, for `seconds`. Latencies are kept whole (no
 * histogram buckets): at a few thousand requests a second that is a few hundred kB.
 */
export async function runLoad(options: {
  port: number;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  next: () => LoadRequest;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sampleError: string | undefined;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  const worker = async () => {
    while (performance.now() < deadline) {
      const request = options.next();
      const sent = performance.now();
      const { status, body } = await send(agent, options.port, request, options.headers);
      latencies.push(performance.now() - sent);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if ((status < 200 || status > 299) && sampleError === undefined)
        sampleError = `${status} ${body.slice(0, 300)}`;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const at = (fraction: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * fraction))] ?? 0);
  const errors = Object.entries(statuses)
    .filter(([status]) => Number(status) < 200 || Number(status) > 299)
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    seconds: round(seconds),
    requests: latencies.length,
    errors,
    statuses,
    rps: Math.round(latencies.length / seconds),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: round(latencies.at(-1) ?? 0),
    ...(sampleError ? { sampleError } : {}),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** One request on `agent`; a network error is status 0 with its message as the body. */
export function send(
  agent: http.Agent,
  port: number,
  request: LoadRequest,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const outgoing = http.request(
      {
        agent,
        host: "127.0.0.1",
        port,
        method: request.method,
        path: request.path,
        headers: {
          ...headers,
          ...(request.body !== undefined
            ? { "content-type": "application/json", "content-length": Buffer.byteLength(request.body) }
            : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", (error) => resolve({ status: 0, body: error.message }));
      },
    );
    outgoing.on("error", (error) => resolve({ status: 0, body: error.message }));
    outgoing.end(request.body);
  });
}
