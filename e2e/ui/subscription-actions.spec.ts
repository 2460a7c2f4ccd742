import type { APIRequestContext, Page } from "@playwright/test";
import { billableCustomer } from "../billing/billing-support";
import { createCustomer } from "../support/api";
import {
  ACTING_ROLES,
  billableCustomerPage,
  expectAudited,
  openCustomer,
  subscriptionsOf,
} from "./support/customer-actions";
import { expect, test } from "./support/fixtures";

// Each test saves a card through the emulator and waits for its webhook; on a busy two-core
// machine with other suites running, that alone took up to a minute, and
// the page's panels as long again.
test.describe.configure({ timeout: 240_000 });

/** The new-subscription form on a customer's page (by default a new customer with a saved card). */
async function openNewSubscription(page: Page, request: APIRequestContext, customer?: { id: string }) {
  const subject = customer ?? (await billableCustomer(request));
  await openCustomer(page, subject.id);
  await page.getByRole("button", { name: "New subscription" }).click();
  return { customer: subject, form: page.getByRole("form", { name: "New subscription" }) };
}

test.describe("subscriptions from the customer page", () => {
  for (const role of ACTING_ROLES) {
    test(`${role}: attaches, changes the quantity, cancels at period end, then now; each previewed, shown without a reload and audited`, async ({
      browser,
      baseURL,
      request,
    }) => {
      const { customer, page, close } = await billableCustomerPage({ browser, baseURL, request }, role);
      const panel = page.getByRole("region", { name: "Subscriptions" });
      const mrr = page.getByRole("region", { name: "Revenue and risk" }).getByTestId("mrr");

      await panel.getByRole("button", { name: "New subscription" }).click();
      const create = panel.getByRole("form", { name: "New subscription" });
      await create.getByLabel("Description").fill("Pro plan");
      await create.getByLabel("Amount per unit").fill("49.00");
      await create.getByLabel("Currency").fill("USD");
      await create.getByLabel("Quantity").fill("2");
      await expect(create.getByTestId("mrr-effect")).toHaveText("$0.00 → $98.00");
      await expect(create.getByTestId("yrr-effect")).toHaveText("$0.00 → $1,176.00");
      await expect(create.getByTestId("card-effect")).toHaveText("VISA •••• 4242");
      await create.getByRole("button", { name: "Add subscription" }).click();
      const row = panel.getByTestId("subscription-row").filter({ hasText: "Pro plan" });
      await expect(row).toContainText("$49.00 × 2 / month");
      await expect(row).toContainText("active");
      await expect(mrr).toHaveText("$98.00");
      const [subscription] = await subscriptionsOf(request, customer.id);
      if (!subscription) throw new Error("no subscription was created");
      await expectAudited(request, customer.id, {
        action: "subscription.created",
        entityId: subscription.id,
        role,
      });

      await row.getByRole("button", { name: "Change" }).click();
      const change = row.getByRole("form", { name: "Change Pro plan" });
      await change.getByLabel("Quantity").fill("3");
      await expect(change.getByTestId("mrr-effect")).toHaveText("$98.00 → $147.00");
      await expect(change.getByTestId("yrr-effect")).toHaveText("$1,176.00 → $1,764.00");
      await change.getByRole("button", { name: "Save change" }).click();
      await expect(row).toContainText("$49.00 × 3 / month");
      await expect(mrr).toHaveText("$147.00");
      await expectAudited(request, customer.id, {
        action: "subscription.updated",
        entityId: subscription.id,
        role,
      });

      await row.getByRole("button", { name: "Cancel subscription" }).click();
      const cancelLater = row.getByRole("form", { name: "Cancel Pro plan" });
      await cancelLater.getByLabel(/At the end of the period/).check();
      await expect(cancelLater.getByTestId("mrr-effect")).toHaveText("$147.00 → $147.00");
      await cancelLater.getByRole("button", { name: "Confirm cancellation" }).click();
      await expect(row).toContainText(/ends /);
      await expect(mrr).toHaveText("$147.00");
      expect((await subscriptionsOf(request, customer.id))[0]).toMatchObject({
        status: "active",
        cancel_at_period_end: true,
      });

      await row.getByRole("button", { name: "Cancel subscription" }).click();
      const cancelNow = row.getByRole("form", { name: "Cancel Pro plan" });
      await expect(cancelNow.getByLabel("Cancel now")).toBeChecked();
      await expect(cancelNow.getByTestId("mrr-effect")).toHaveText("$147.00 → $0.00");
      await cancelNow.getByRole("button", { name: "Confirm cancellation" }).click();
      await expect(row).toContainText("canceled");
      await expect(row.getByRole("button", { name: "Change" })).toHaveCount(0);
      await expect(mrr).toHaveText("$0.00");
      await expectAudited(request, customer.id, {
        action: "subscription.canceled",
        entityId: subscription.id,
        role,
      });
      await close();
    });
  }

  test("the preview counts a trial as 0 and a yearly price ÷ 12, rounded half up", async ({
    financePage: page,
    request,
  }) => {
    const { form } = await openNewSubscription(page, request, await createCustomer(request));
    await form.getByLabel("Amount per unit").fill("1.00");
    await form.getByLabel("Interval").selectOption("year");
    await expect(form.getByTestId("mrr-effect")).toHaveText("$0.00 → $0.08");
    await form.getByLabel("Amount per unit").fill("0.06");
    await expect(form.getByTestId("mrr-effect")).toHaveText("$0.00 → $0.01");
    await form.getByLabel("Trial days").fill("14");
    await expect(form.getByTestId("mrr-effect")).toHaveText("$0.00 → $0.00");
    await expect(form).toContainText("A trial counts 0 towards MRR until it ends.");
  });

  test("the API's error is shown beside the field it names, and nothing is created", async ({
    financePage: page,
    request,
  }) => {
    const { customer, form } = await openNewSubscription(page, request);
    await form.getByLabel("Description").fill("Too long a trial");
    await form.getByLabel("Amount per unit").fill("10");
    await form.getByLabel("Trial days").fill("9999");
    const answer = page.waitForResponse((response) => response.url().endsWith("/subscriptions.json"));
    await form.getByRole("button", { name: "Add subscription" }).click();
    expect((await answer).status()).toBe(422);
    await expect(form.getByLabel("Trial days")).toHaveAccessibleDescription("must be at most 730");
    await expect(form.getByLabel("Trial days")).toHaveAttribute("aria-invalid", "true");
    expect(await subscriptionsOf(request, customer.id)).toEqual([]);
  });

  test("without a card the form says so and cannot submit", async ({ financePage: page, request }) => {
    const { form } = await openNewSubscription(page, request, await createCustomer(request));
    await form.getByLabel("Amount per unit").fill("10");
    await expect(form.getByRole("alert")).toHaveText(/No card on file/);
    await expect(form.getByRole("button", { name: "Add subscription" })).toBeDisabled();
  });
});
