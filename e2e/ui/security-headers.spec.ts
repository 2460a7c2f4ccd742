import type { APIResponse, Response } from "@playwright/test";
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
    // JSON gets a fixed policy that allows nothing at all (no nonce: it runs no script).
    const api = (await request.get("/customers.json")).headers();
    expect(api["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api["x-content-type-options"]).toBe("nosniff");
    expect(api["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const gone = await request.get("/pay/not-a-real-token", { maxRedirects: 0 });
    expect(gone.status()).toBe(410);
    // The plain 410 page sets its own, stricter policy (no scripts at all).
    expect(gone.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(gone.headers()["x-content-type-options"]).toBe("nosniff");
  });
});
