import { expect, type Page, test } from "@playwright/test";
import { createCustomer, writeHeaders } from "../support/api";
import { getCustomerJson, newPaymentLink } from "../support/payment-onboarding";

/** What the customer does: open the link, type a card number on Stripe's page, save. */
async function saveCardInBrowser(page: Page, linkUrl: string, cardNumber: string) {
  await page.goto(linkUrl);
  await page.getByLabel("Card number").fill(cardNumber);
  await page.getByRole("button", { name: "Save card" }).click();
}

test.describe("payment onboarding in the browser", () => {
  test("customer → payment link → emulated checkout with 4242 → return page → card on file", async ({
    page,
    request,
  }) => {
    const customer = await createCustomer(request);
    const link = await newPaymentLink(request, customer.id);

    await saveCardInBrowser(page, link.url, "4242 4242 4242 4242");

    await expect(page).toHaveURL(/\/pay\/return\/success\?link=pl_/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/card/i);
    await expect(page.getByText("No money has been taken.")).toBeVisible();

    // The card counts only once Stripe's signed webhook has been applied.
    await expect
      .poll(async () => (await getCustomerJson(request, customer.id)).default_payment_method, {
        timeout: 20_000,
      })
      .toMatchObject({ brand: "visa", last4: "4242" });
    const methods = await (
      await request.get(`/customers/${customer.id}/payment_methods.json`, { headers: writeHeaders() })
    ).json();
    expect(methods.data).toHaveLength(1);
    expect(methods.data[0]).toMatchObject({ last4: "4242", is_default: true });

    // The link was used: it now explains itself with a 410.
    const reopened = await request.get(link.url, { maxRedirects: 0 });
    expect(reopened.status()).toBe(410);
    expect(await reopened.text()).toContain("already been used");
  });

  test("a declined card (4000 0000 0000 0002) is refused on the form and nothing is saved", async ({
    page,
    request,
  }) => {
    const customer = await createCustomer(request);
    const link = await newPaymentLink(request, customer.id);

    await saveCardInBrowser(page, link.url, "4000 0000 0000 0002");

    await expect(page.getByRole("alert")).toHaveText("Your card was declined.");
    await expect(page.getByLabel("Card number")).toBeVisible();
    expect((await getCustomerJson(request, customer.id)).default_payment_method).toBeNull();

    // The session is still open: the customer can try another card from the same link.
    await saveCardInBrowser(page, link.url, "4242 4242 4242 4242");
    await expect(page).toHaveURL(/\/pay\/return\/success/);
  });

  test("cancelling at Stripe lands on the cancel page, which says nothing was saved", async ({
    page,
    request,
  }) => {
    const customer = await createCustomer(request);
    const link = await newPaymentLink(request, customer.id);
    await page.goto(link.url);
    await page.getByRole("link", { name: /cancel/i }).click();
    await expect(page).toHaveURL(/\/pay\/return\/cancel/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("No card was saved");
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
