// The web server process that `startNext` (next-server.ts) starts: Next.js through its
// custom-server API (`next()` + `getRequestHandler()`, the same request handlers `next start`
// builds) behind our own node:http server, so that lib/http/front-door.ts sees every request
// first. startNext runs it compiled to JavaScript, with `--port 3000 [--dev]`.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { env } from "../env";
import { frontDoor } from "../http/front-door";

// Idle keep-alive sockets stay open longer than a client or balancer keeps them (Node's 5 s
// default races their reuse and answers it with ECONNRESET; load balancers idle out at 60 s).
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

const { values } = parseArgs({
  options: { port: { type: "string" }, dev: { type: "boolean", default: false } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0)
  throw new Error(`web-server: --port must be a port, not ${values.port}`);
const dev = values.dev === true;
// The name `next start` gives its process, so that `ps` and the benchmarks find it as before.
process.title = "next-server (donutwork)";

const server = createServer();
const app = next({ dev, dir: process.cwd(), port, httpServer: server });
const started = Date.now();
await app.prepare();
server.on("request", frontDoor(app.getRequestHandler(), { appUrl: env().APP_URL }));
server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
server.listen(port, () =>
  console.log(`[web] Next.js ${dev ? "(dev) " : ""}ready on :${port} in ${Date.now() - started} ms`),
);
server.on("error", (error) => {
  console.error("[web] the server failed:", error);
  process.exit(1);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections();
  await app.close().catch((error: unknown) => console.error("[web] while stopping:", error));
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
