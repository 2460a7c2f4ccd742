import { expect, type Page, test } from "@playwright/test";
import { createCustomer, getCustomer, writeHeaders } from "../support/api";
import { newPaymentLink } from "../support/payment-onboarding";

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
      .poll(async () => (await getCustomer(request, customer.id)).default_payment_method, {
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
    expect((await getCustomer(request, customer.id)).default_payment_method).toBeNull();

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
