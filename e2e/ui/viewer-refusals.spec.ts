import type { APIResponse } from "@playwright/test";
import { billableCustomer, charge, subscribe } from "../billing/billing-support";
import { getCustomer, writeHeaders } from "../support/api";
import { chargesOf, openCustomer, subscriptionsOf } from "./support/customer-actions";
import { expect, test } from "./support/fixtures";

const ACTION_CONTROLS = [
  "New subscription",
  "Change",
  "Cancel subscription",
  "New charge",
  "Refund",
  "Add subscription",
  "Charge",
  "Confirm cancellation",
];

/** A refusal carries the problem and nothing of the customer (checked on the raw body). */
async function expectRefusedWithoutData(response: APIResponse, secrets: string[]) {
  expect(response.status()).toBe(403);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const body = await response.text();
  const problem = JSON.parse(body) as Record<string, unknown>;
  expect(Object.keys(problem).sort()).toEqual(["detail", "status", "title", "type"]);
  expect(problem.detail).toBe("The viewer role may not make this change.");
  for (const secret of secrets) expect(body).not.toContain(secret);
}

// Each test saves a card through the emulator and waits for its webhook; on a busy two-core
// machine with other suites running, that alone took up to a minute, and
// the page's panels as long again.
test.describe.configure({ timeout: 240_000 });

test.describe("viewers can act on nothing, in the page or through the API", () => {
  test("a viewer sees no action control on a customer with a subscription and a charge, and no way to create one", async ({
    viewerPage: page,
    request,
  }) => {
    const customer = await billableCustomer(request);
    await subscribe(request, customer.id, { description: "Viewer plan" });
    expect(
      (await charge(request, customer.id, { amount: 900, description: "Viewer fee" })).response.status,
    ).toBe(201);
    await openCustomer(page, customer.id);
    await expect(page.getByRole("region", { name: "Subscriptions" })).toContainText("Viewer plan");
    await expect(page.getByRole("region", { name: "Charges" })).toContainText("Viewer fee");
    for (const name of ACTION_CONTROLS) {
      await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
    await expect(page.getByRole("form")).toHaveCount(0);

    await page.goto("/customers");
    await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "New customer" })).toHaveCount(0);
    await page.goto("/customers/new");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByLabel("External id")).toHaveCount(0);
  });

  test("the API refuses every action sent with a viewer's session cookie (403, no customer data), and nothing changes", async ({
    viewerPage: page,
    request,
    baseURL,
  }) => {
    const customer = await billableCustomer(request);
    const subscription = await subscribe(request, customer.id, { description: "Kept plan" });
    const charged = await charge(request, customer.id, { amount: 900, description: "Kept fee" });
    const chargeId = charged.data?.id ?? "";
    const secrets = [customer.id, customer.email, customer.external_id, subscription.id, chargeId];
    await page.goto("/customers");
    const headers = () => ({ origin: baseURL ?? "", "idempotency-key": crypto.randomUUID() });
    // One at a time: each refusal is checked on its own answer.
    const calls = [
      () =>
        page.request.post("/customers.json", {
          headers: headers(),
          data: {
            external_id: `viewer-${customer.id}`,
            email: "viewer@acme.example",
            address: { country: "DE" },
          },
        }),
      () =>
        page.request.post(`/customers/${customer.id}/subscriptions.json`, {
          headers: headers(),
          data: { description: "No", amount: 100, currency: "USD", interval: "month" },
        }),
      () =>
        page.request.patch(`/subscriptions/${subscription.id}.json`, {
          headers: headers(),
          data: { quantity: 5 },
        }),
      () =>
        page.request.delete(`/subscriptions/${subscription.id}.json?at_period_end=true`, {
          headers: headers(),
        }),
      () => page.request.delete(`/subscriptions/${subscription.id}.json`, { headers: headers() }),
      () =>
        page.request.post(`/customers/${customer.id}/charges.json`, {
          headers: headers(),
          data: { amount: 100, currency: "USD" },
        }),
      () => page.request.post(`/charges/${chargeId}/refund.json`, { headers: headers(), data: {} }),
    ];
    for (const call of calls) await expectRefusedWithoutData(await call(), secrets);

    expect(await subscriptionsOf(request, customer.id)).toEqual([
      expect.objectContaining({
        id: subscription.id,
        quantity: 1,
        status: "active",
        cancel_at_period_end: false,
      }),
    ]);
    expect(await chargesOf(request, customer.id)).toEqual([
      expect.objectContaining({ id: chargeId, amount_refunded: 0 }),
    ]);
    const listed = await request.get(`/customers.json?external_id=viewer-${customer.id}`, {
      headers: writeHeaders(),
    });
    expect(((await listed.json()) as { data: unknown[] }).data).toEqual([]);
    expect((await getCustomer(request, customer.id)).status).toBe("active");
  });
});
