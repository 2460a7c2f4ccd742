import type { APIRequestContext } from "@playwright/test";
import type Stripe from "stripe";
import { getCustomer, writeHeaders } from "../support/api";
import { emulatorStripe, emulatorUrl, injectStripeFailures } from "../support/stripe-test-helpers";
import { expect, test } from "../ui/support/fixtures";
import { billableCustomer } from "./billing-support";

// The customer's identity reaches its Stripe customer through the outbox (sync-stripe-customer),
// read back here through the emulator's API with the SDK, as Stripe's invoices would print it.

const LYON = {
  line1: "12 quai Saint-Antoine",
  line2: "3e étage",
  city: "Lyon",
  state: null,
  postal_code: "69002",
  country: "FR",
};

async function stripeCustomerOf(email: string): Promise<Stripe.Customer> {
  const [found] = (await emulatorStripe().customers.list({ email })).data;
  if (!found) throw new Error(`no Stripe customer with the email ${email}`);
  return found;
}

const syncStatus = async (request: APIRequestContext, id: string) =>
  (await getCustomer(request, id)).stripe_sync;

async function expectSynced(request: APIRequestContext, id: string) {
  await expect.poll(async () => (await syncStatus(request, id))?.status, { timeout: 20_000 }).toBe("synced");
}

async function clearStripeFailures(request: APIRequestContext, path: string) {
  const response = await request.post(`${emulatorUrl()}/_emulator/clear_failures`, { data: { path } });
  expect(response.status(), await response.text()).toBe(200);
}

test.describe("the Stripe customer follows the customer's identity", () => {
  test("a PATCH of company name and address commits pending and reaches Stripe", async ({ request }) => {
    const customer = await billableCustomer(request);
    const response = await request.patch(`/customers/${customer.id}.json`, {
      headers: writeHeaders(),
      data: { company_name: "Soieries Lyonnaises SARL", address: LYON },
    });
    expect(response.status()).toBe(200);
    const changed = await response.json();
    expect(changed.stripe_sync).toMatchObject({ status: "pending", last_error: null });

    await expectSynced(request, customer.id);
    expect(await stripeCustomerOf(customer.email)).toMatchObject({
      name: "Soieries Lyonnaises SARL",
      email: customer.email,
      address: LYON,
    });
    const synced = await getCustomer(request, customer.id);
    expect(synced.stripe_sync).toEqual({ status: "synced", synced_at: expect.any(String), last_error: null });
  });

  test("while Stripe fails the change commits and shows the error; it arrives once Stripe is back", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const stripeCustomer = await stripeCustomerOf(customer.email);
    const path = `/v1/customers/${stripeCustomer.id}`;
    await injectStripeFailures(request, path, 1_000);
    try {
      const response = await request.patch(`/customers/${customer.id}.json`, {
        headers: writeHeaders(),
        data: { company_name: "Pendant la panne SAS", address: LYON },
      });
      expect(response.status()).toBe(200);
      await expect
        .poll(async () => await syncStatus(request, customer.id), { timeout: 20_000 })
        .toMatchObject({ status: "failed", last_error: expect.stringContaining("injected failure") });
      expect((await stripeCustomerOf(customer.email)).name).toBe(stripeCustomer.name);
    } finally {
      await clearStripeFailures(request, path);
    }
    // pg-boss retries with back-off (1 s doubling, with jitter): a few seconds after the failures.
    await expect
      .poll(async () => (await syncStatus(request, customer.id))?.status, { timeout: 45_000 })
      .toBe("synced");
    expect(await stripeCustomerOf(customer.email)).toMatchObject({
      name: "Pendant la panne SAS",
      address: LYON,
    });
    expect((await syncStatus(request, customer.id))?.last_error).toBeNull();
  });

  test("on the page: saving the contact form shows the sync status, and Stripe carries the new name and address", async ({
    financePage: page,
    request,
  }) => {
    const customer = await billableCustomer(request);
    await page.goto(`/customers/${customer.id}`);
    const status = page.getByTestId("stripe-sync");
    await expect(status).toContainText("synced");
    await page.getByLabel("Company name").fill("Page Edit BV");
    await page.getByLabel("Address line 1").fill("Damrak 1");
    await page.getByLabel("Address line 2").fill("");
    await page.getByLabel("City").fill("Amsterdam");
    await page.getByLabel("State or region").fill("");
    await page.getByLabel("Postal code").fill("1012 LG");
    await page.getByLabel("Country (ISO code, e.g. DE)").fill("NL");
    await page.getByRole("button", { name: "Save contact" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    // The badge refreshes by itself until the job has pushed the change.
    await expect(status).toContainText("Stripe has the current contact and address.", { timeout: 20_000 });
    await expect(status).toContainText("Last synced:");
    expect(await stripeCustomerOf(customer.email)).toMatchObject({
      name: "Page Edit BV",
      address: {
        line1: "Damrak 1",
        line2: null,
        city: "Amsterdam",
        state: null,
        postal_code: "1012 LG",
        country: "NL",
      },
    });
  });

  test("a viewer sees the sync status but cannot change the identity: refused, nothing synced", async ({
    viewerPage: page,
    request,
    baseURL,
  }) => {
    const customer = await billableCustomer(request);
    await page.goto(`/customers/${customer.id}`);
    await expect(page.getByTestId("stripe-sync")).toContainText("synced");
    await expect(page.getByRole("button", { name: "Save contact" })).toHaveCount(0);
    const response = await page.request.patch(`/customers/${customer.id}.json`, {
      headers: { origin: baseURL ?? "" },
      data: { company_name: "Changed by a viewer" },
    });
    expect(response.status()).toBe(403);
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ status: 403, type: "/problems/forbidden" });
    expect(body).not.toContain(customer.id);
    expect(body).not.toContain("stripe_sync");
    const after = await getCustomer(request, customer.id);
    expect(after.company_name).toBe(customer.company_name);
    expect(after.stripe_sync?.status).toBe("synced");
    expect((await stripeCustomerOf(customer.email)).name).toBe(customer.company_name);
  });
});
