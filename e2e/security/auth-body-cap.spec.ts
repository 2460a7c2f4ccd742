import http from "node:http";
import { expect, test } from "@playwright/test";
import { DEPLOYED_PORT } from "./support/deployed-server";

// Auth.js's endpoints take small form posts: past 16 KB the server answers 413 without reading
// (let alone buffering) the rest.
const LIMIT = 16 * 1024;

test.describe("the body cap on /api/auth/*", () => {
  test.describe.configure({ timeout: 60_000 });

  test("a declared body past 16 KB is a 413 problem", async ({ request }) => {
    const response = await request.post("/api/auth/callback/credentials", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: `email=a%40b.example&password=${"x".repeat(LIMIT)}`,
      failOnStatusCode: false,
    });
    expect(response.status()).toBe(413);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    expect((await response.json()).status).toBe(413);
  });

  test("a chunked body is cut off at 16 KB: the 413 arrives while the client is still sending", async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = http.request({
        host: "127.0.0.1",
        port: DEPLOYED_PORT,
        method: "POST",
        path: "/api/auth/callback/credentials",
        headers: { "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" },
      });
      outgoing.on("response", (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () => {
          outgoing.destroy();
          resolve({ status: response.statusCode ?? 0, body });
        });
      });
      outgoing.on("error", reject);
      // 64 KB in 1 KB chunks, and the request never ends: only a server that stops reading at
      // the cap can answer at all.
      outgoing.write(`password=`);
      for (let chunk = 0; chunk < 64; chunk++) outgoing.write("x".repeat(1024));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 413 });
  });

  test("an ordinary sign-in post is well under the cap and still works", async ({ request }) => {
    const csrf = await request.get("/api/auth/csrf");
    expect(csrf.status()).toBe(200);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      form: { email: "nobody@e2e.donutwork.test", password: "wrong", csrfToken },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toContain("error=CredentialsSignin");
  });
});
