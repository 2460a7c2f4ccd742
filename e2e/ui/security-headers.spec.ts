import type { APIResponse, Response } from "@playwright/test";
import { newCustomerBody } from "../../tests/support/customer-body";
import { readAuth, writeAuth } from "../support/api-client";
import { expect, test } from "./support/fixtures";

function expectSecurityHeaders(response: Response | APIResponse | null) {
  const headers = response?.headers() ?? {};
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  return policy;
}

test.describe("security headers", () => {
  test("every page has a per-request nonce CSP, and the page runs under it", async ({
    page,
    financePage,
  }) => {
    const violations: string[] = [];
    financePage.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const first = expectSecurityHeaders(await page.goto("/sign-in"));
    const second = expectSecurityHeaders(await page.goto("/sign-in"));
    expect(first).not.toEqual(second);
    const nonce = /'nonce-([^']+)'/.exec(second)?.[1];
    const scripts = await page
      .locator("script")
      .evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    for (const scriptNonce of scripts) expect(scriptNonce).toBe(nonce);

    expectSecurityHeaders(await financePage.goto("/customers"));
    // Hydrated under the CSP: the client-side search works.
    await financePage.getByLabel("Search customers").fill("x");
    await financePage.getByRole("button", { name: "Search" }).click();
    await expect(financePage).toHaveURL(/q=x/);
    expect(violations).toEqual([]);
  });

  test("the JSON API and the payment pages carry them too", async ({ request }) => {
    // JSON gets a fixed policy that allows nothing at all (no nonce: it runs no script), on every
    // answer: the handlers', their problems, the proxy's, the catch-all's and Next's own.
    const fixed = {
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "x-frame-options": "DENY",
      "cache-control": "no-store",
    };
    const answers = {
      "401 problem": await request.get("/customers.json"),
      "a list": await request.get("/customers.json?limit=1", { headers: readAuth() }),
      "a create": await request.post("/customers.json", { headers: writeAuth(), data: newCustomerBody() }),
      "422 problem": await request.post("/customers.json", { headers: writeAuth(), data: {} }),
      "405 problem": await request.delete("/customers.json", { headers: writeAuth() }),
      "the proxy's malformed path": await request.get("/customers/%zz.json", { headers: readAuth() }),
      "the catch-all": await request.get("/nope.json", { headers: readAuth() }),
      "an /api path": await request.get("/api/customers?limit=1", { headers: readAuth() }),
      "Next's OPTIONS": await request.fetch("/customers.json", { method: "OPTIONS" }),
      health: await request.get("/api/health"),
      "the OpenAPI document": await request.get("/openapi.json"),
      "Stripe's webhook": await request.post("/webhooks/stripe", { data: {} }),
    };
    for (const [name, response] of Object.entries(answers)) {
      const headers = response.headers();
      for (const [header, value] of Object.entries(fixed))
        expect(headers[header], `${name}: ${header}`).toBe(value);
    }
    const gone = await request.get("/pay/not-a-real-token", { maxRedirects: 0 });
    expect(gone.status()).toBe(410);
    // The plain 410 page sets its own, stricter policy (no scripts at all).
    expect(gone.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(gone.headers()["x-content-type-options"]).toBe("nosniff");
  });
});
