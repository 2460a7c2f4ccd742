import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { frontDoor, HSTS } from "./front-door";

// The wrapper of the app's own web server (lib/runtime/web-server.ts), on a real HTTP server
// in place of Next.js: what the handler behind it sees, and what the client gets.

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(appUrl: string) {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer(
    frontDoor(
      async (request, response) => {
        seen.push({ ...request.headers });
        response.setHeader("content-type", "text/plain");
        response.end("ok");
      },
      { appUrl },
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return { port: (server.address() as AddressInfo).port, seen };
}

function get(port: number, options: { headers?: Record<string, string>; localAddress?: string } = {}) {
  return new Promise<IncomingHttpHeaders>((resolve, reject) => {
    const sent = httpRequest(
      { host: "127.0.0.1", port, path: "/customers.json", agent: false, ...options },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.headers));
      },
    );
    sent.on("error", reject);
    sent.end();
  });
}

describe("frontDoor", () => {
  it("appends the socket's address to X-Forwarded-For, after whatever the client sent", async () => {
    const { port, seen } = await serve("http://localhost:3000");
    await get(port, { localAddress: "127.0.0.23" });
    await get(port, { localAddress: "127.0.0.24", headers: { "x-forwarded-for": "203.0.113.1, 10.0.0.9" } });
    expect(seen.map((headers) => headers["x-forwarded-for"])).toEqual([
      "::ffff:127.0.0.23",
      "203.0.113.1, 10.0.0.9, ::ffff:127.0.0.24",
    ]);
  });

  it("sends Strict-Transport-Security on every response when APP_URL is https", async () => {
    const { port } = await serve("https://billing.example.com");
    const headers = await get(port);
    expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(HSTS).toBe("max-age=63072000; includeSubDomains");
  });

  it("sends no Strict-Transport-Security when APP_URL is http", async () => {
    const { port } = await serve("http://localhost:3000");
    const headers = await get(port);
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(headers["content-type"]).toBe("text/plain");
  });
});
