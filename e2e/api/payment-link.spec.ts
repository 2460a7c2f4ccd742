import * as api from "@donutwork/api-client";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { createCustomer, writeHeaders } from "../support/api";
import { appUrl, postCustomer, writeApi } from "../support/api-client";
import { queryDatabase } from "../support/api-database";
import { expectData, expectProblemOf } from "../support/api-typed";
import { newPaymentLink } from "../support/payment-onboarding";

const linkFor = (request: APIRequestContext, id: string) =>
  api.createPaymentLink({ client: writeApi(request), path: { id } });

async function newLink(request: APIRequestContext, customerId: string) {
  const result = await linkFor(request, customerId);
  expect(result.response.headers.get("content-type")).toContain("application/json");
  return expectData(result, 200);
}

const changeStatus = (request: APIRequestContext, id: string, status: "active" | "suspended") =>
  api.updateCustomer({ client: writeApi(request), path: { id }, body: { status } });

const tokenOf = (url: string) => new URL(url).pathname.replace(/^\/pay\//, "");

async function expectGonePage(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status()).toBe(410);
  expect(response.headers()["content-type"]).toContain("text/html");
  const html = await response.text();
  expect(html).toMatch(/<html/i);
  expect(html).toMatch(/no longer valid/i);
  expect(html).toMatch(/ask for a new (link|one)|contact the company/i);
}

test.describe("GET /customers/{id}/payment_link.json", () => {
  test("creates a one-time URL under the app's base URL with a ≥128-bit token, valid 24 h", async ({
    request,
  }) => {
    const customer = await postCustomer(request);
    const before = Date.now();
    const link = await newLink(request, customer.id);
    expect(link.id).toMatch(/^pl_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(link.url.startsWith(`${appUrl}/pay/`)).toBe(true);
    const token = tokenOf(link.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/); // base64url of ≥ 16 bytes
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    expect(new Date(link.expires_at).toISOString()).toBe(link.expires_at);
    const expected = before + 24 * 3600_000;
    expect(Math.abs(Date.parse(link.expires_at) - expected)).toBeLessThan(5 * 60_000);
  });

  test("every call gives a different token", async ({ request }) => {
    const customer = await postCustomer(request);
    const tokens = new Set<string>();
    for (let i = 0; i < 5; i++) tokens.add(tokenOf((await newLink(request, customer.id)).url));
    expect(tokens.size).toBe(5);
  });

  test("a second call revokes the first: the first URL is 410, the second goes to checkout (303)", async ({
    request,
  }) => {
    const customer = await postCustomer(request);
    const first = await newLink(request, customer.id);
    const second = await newLink(request, customer.id);
    expect(second.id).not.toBe(first.id);
    expect(second.url).not.toBe(first.url);

    await expectGonePage(request, first.url);
    const opened = await request.get(second.url, { maxRedirects: 0 });
    expect(opened.status()).toBe(303);
    const location = opened.headers().location ?? "";
    expect(location).toMatch(/^https?:\/\//);
    expect(new URL(location).origin).not.toBe(appUrl); // the Stripe (emulator) checkout, not us
  });

  test("a suspended customer gets no link: 409", async ({ request }) => {
    const customer = await postCustomer(request);
    expectData(await changeStatus(request, customer.id, "suspended"), 200);
    expectProblemOf(await linkFor(request, customer.id), 409);
  });

  test("a deleted customer gets no link: 409", async ({ request }) => {
    const customer = await postCustomer(request);
    expectData(await api.deleteCustomer({ client: writeApi(request), path: { id: customer.id } }), 200);
    expectProblemOf(await linkFor(request, customer.id), 409);
  });

  test("suspending the customer makes an open link answer 410", async ({ request }) => {
    const customer = await postCustomer(request);
    const link = await newLink(request, customer.id);
    expectData(await changeStatus(request, customer.id, "suspended"), 200);
    await expectGonePage(request, link.url);
  });

  test("an unknown token answers 410 with the explanation page", async ({ request }) => {
    await expectGonePage(request, `${appUrl}/pay/${Buffer.alloc(32, 7).toString("base64url")}`);
    await expectGonePage(request, `${appUrl}/pay/x`);
  });

  test("the token is not stored in plain text", async ({ request }) => {
    const customer = await postCustomer(request);
    const link = await newLink(request, customer.id);
    const token = tokenOf(link.url);
    const rows = await queryDatabase("select * from payment_links where id = $1", [link.id]);
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    expect(stored).toContain(customer.id);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(Buffer.from(token, "base64url").toString("hex"));
    // …nor anywhere else in the row's table, under any link.
    const anywhere = await queryDatabase(
      "select count(*)::int as n from payment_links p where position($1 in row_to_json(p)::text) > 0",
      [token],
    );
    expect(anywhere[0]?.n).toBe(0);
  });
});

test.describe("GET /customers/{id}/payment_links.json", () => {
  test("lists the 20 newest links, newest first; has_more only once an older one exists", async ({
    request,
  }) => {
    const customer = await postCustomer(request);
    const list = async () =>
      expectData(await api.listPaymentLinks({ client: writeApi(request), path: { id: customer.id } }), 200);
    const made: string[] = [];
    for (let index = 0; index < 20; index++) made.push((await newLink(request, customer.id)).id);
    const twenty = await list();
    expect(twenty.data.map((link) => link.id)).toEqual([...made].reverse());
    expect(twenty.has_more).toBe(false);
    // Each new link revokes the one before: only the newest is open.
    expect(twenty.data.map((link) => link.status)).toEqual(["open", ...Array(19).fill("revoked")]);

    made.push((await newLink(request, customer.id)).id);
    const twentyOne = await list();
    expect(twentyOne.data).toHaveLength(20);
    expect(twentyOne.data[0]?.id).toBe(made.at(-1));
    expect(twentyOne.has_more).toBe(true);
  });
});

test.describe("GET /pay/{token}", () => {
  test("concurrent opens of one link start one checkout session", async ({ request }) => {
    const customer = await createCustomer(request);
    const link = await newPaymentLink(request, customer.id);
    const opens = await Promise.all(
      Array.from({ length: 12 }, () => request.get(link.url, { maxRedirects: 0 })),
    );
    expect(opens.map((response) => response.status())).toEqual(Array(12).fill(303));
    const locations = new Set(opens.map((response) => response.headers().location));
    expect(locations.size).toBe(1);
    expect([...locations][0]).toMatch(/\/c\/pay\/cs_test_/);
  });

  test("an unknown token answers 410 with a plain explanation", async ({ request }) => {
    const response = await request.get("/pay/not-a-real-token-at-all-0123456789", { maxRedirects: 0 });
    expect(response.status()).toBe(410);
    expect(response.headers()["content-type"]).toContain("text/html");
    expect(await response.text()).toContain("This link is no longer valid");
  });

  test("a link replaced by a newer one answers 410 and its checkout session is expired", async ({
    request,
  }) => {
    const customer = await createCustomer(request);
    const first = await newPaymentLink(request, customer.id);
    const checkout = (await request.get(first.url, { maxRedirects: 0 })).headers().location ?? "";
    await newPaymentLink(request, customer.id);
    const reopened = await request.get(first.url, { maxRedirects: 0 });
    expect(reopened.status()).toBe(410);
    expect(await reopened.text()).toContain("replaced by a newer one");
    await expect
      .poll(async () => (await request.get(checkout, { maxRedirects: 0 })).status(), { timeout: 10_000 })
      .toBe(410);
  });
});

test.describe("GET /customers/{id}/payment_link.json?return_url=", () => {
  test("an allowed return_url is offered on the return page", async ({ page, request, baseURL }) => {
    const customer = await createCustomer(request);
    // APP_URL's own host is always allowed; others come from RETURN_URL_ALLOWED_HOSTS.
    const returnUrl = `${baseURL}/docs/api?from=checkout`;
    const response = await request.get(
      `/customers/${customer.id}/payment_link.json?return_url=${encodeURIComponent(returnUrl)}`,
      { headers: writeHeaders() },
    );
    expect(response.status()).toBe(200);
    const link = await response.json();
    await page.goto(link.url);
    await page.getByRole("link", { name: /cancel/i }).click();
    await expect(page.getByRole("link", { name: `Return to ${new URL(returnUrl).host}` })).toHaveAttribute(
      "href",
      returnUrl,
    );
  });

  test("a return_url on another host is refused (no open redirect)", async ({ request }) => {
    const customer = await createCustomer(request);
    const response = await request.get(
      `/customers/${customer.id}/payment_link.json?return_url=${encodeURIComponent("https://evil.example/phish")}`,
      { headers: writeHeaders() },
    );
    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual([expect.objectContaining({ field: "return_url" })]);
  });
});
