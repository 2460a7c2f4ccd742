import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { PUBLIC_URL_HEADER } from "../api/public-url";
import { API_HEADERS } from "./api-paths";
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
  const urls: (string | undefined)[] = [];
  const server = createServer(
    frontDoor(
      async (request, response) => {
        seen.push({ ...request.headers });
        urls.push(request.url);
        response.setHeader("content-type", "text/plain");
        response.end("ok");
      },
      { appUrl },
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return { port: (server.address() as AddressInfo).port, seen, urls };
}

function get(
  port: number,
  options: { headers?: Record<string, string>; localAddress?: string; path?: string } = {},
) {
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

  it("routes a public .json path to its handler under /api, handing on the URL the client sent", async () => {
    const { port, seen, urls } = await serve("http://localhost:3000");
    await get(port, { path: "/customers/cus_1.json?expand=x" });
    expect(urls).toEqual(["/api/customers/cus_1?expand=x"]);
    expect(seen[0]?.[PUBLIC_URL_HEADER]).toBe("/customers/cus_1.json?expand=x");
  });

  it("drops a public-URL header the client sent itself, mapped or not", async () => {
    const { port, seen, urls } = await serve("http://localhost:3000");
    const spoofed = { [PUBLIC_URL_HEADER]: "/elsewhere.json" };
    await get(port, { path: "/api/customers", headers: spoofed });
    await get(port, { path: "/customers.json", headers: spoofed });
    expect(urls).toEqual(["/api/customers", "/api/customers"]);
    expect(seen.map((headers) => headers[PUBLIC_URL_HEADER])).toEqual([undefined, "/customers.json"]);
  });

  it("sets the API's security headers on API responses, not on pages", async () => {
    const { port } = await serve("http://localhost:3000");
    for (const path of ["/customers.json", "/nope.json", "/api/health", "/openapi.json"]) {
      const headers = await get(port, { path });
      for (const [name, value] of API_HEADERS) expect(headers[name], `${path} ${name}`).toBe(value);
    }
    const page = await get(port, { path: "/customers" });
    for (const [name] of API_HEADERS) expect(page[name]).toBeUndefined();
  });
});
