import { createCustomer } from "../support/api";
import {
  ACTING_ROLES,
  billableCustomerPage,
  chargesOf,
  expectAudited,
  openCustomer,
} from "./support/customer-actions";
import { expect, test } from "./support/fixtures";

// Each test saves a card through the emulator and waits for its webhook; on a busy two-core
// machine with other suites running, that alone took up to a minute, and
// the page's panels as long again.
test.describe.configure({ timeout: 240_000 });

test.describe("charges and refunds from the customer page", () => {
  for (const role of ACTING_ROLES) {
    test(`${role}: charges the card once, refunds part and then the rest; each previewed, shown without a reload and audited`, async ({
      browser,
      baseURL,
      request,
    }) => {
      const { customer, page, close } = await billableCustomerPage({ browser, baseURL, request }, role);
      const panel = page.getByRole("region", { name: "Charges" });

      await panel.getByRole("button", { name: "New charge" }).click();
      const form = panel.getByRole("form", { name: "New charge" });
      await form.getByLabel("Amount").fill("15.00");
      await form.getByLabel("Currency").fill("USD");
      await form.getByLabel("Description").fill("Setup fee");
      await expect(form.getByTestId("amount-effect")).toHaveText("$15.00");
      await expect(form.getByTestId("card-effect")).toHaveText("VISA •••• 4242");
      await form.getByRole("button", { name: "Charge" }).click();
      const row = panel.getByTestId("charge-row").filter({ hasText: "Setup fee" });
      await expect(row).toContainText("$15.00");
      await expect(row).toContainText("succeeded");
      const [charge] = await chargesOf(request, customer.id);
      if (!charge) throw new Error("no charge was made");
      expect(charge).toMatchObject({ amount: 1500, currency: "USD", status: "succeeded" });
      await expectAudited(request, customer.id, { action: "charge.succeeded", entityId: charge.id, role });

      await row.getByRole("button", { name: "Refund" }).click();
      const refund = row.getByRole("form", { name: "Refund Setup fee" });
      await refund.getByLabel("Part of it").check();
      // More than is left: the API names `amount`, and the message stands beside that field.
      await refund.getByLabel("Refund amount").fill("20.00");
      await refund.getByRole("button", { name: "Refund" }).click();
      await expect(refund.getByLabel("Refund amount")).toHaveAccessibleDescription(/must be at most 1500/);
      // Another amount is another submission, with a new key (one key with two bodies is refused).
      await refund.getByLabel("Refund amount").fill("5.00");
      await expect(refund.getByTestId("amount-effect")).toHaveText("$5.00");
      await refund.getByRole("button", { name: "Refund" }).click();
      await expect(row.getByTestId("refunded")).toHaveText(/refunded \$5\.00/);
      await expectAudited(request, customer.id, { action: "charge.refunded", entityId: charge.id, role });

      await row.getByRole("button", { name: "Refund" }).click();
      const rest = row.getByRole("form", { name: "Refund Setup fee" });
      await expect(rest.getByLabel("All that is left")).toBeChecked();
      await expect(rest.getByTestId("amount-effect")).toHaveText("$10.00");
      await rest.getByRole("button", { name: "Refund" }).click();
      await expect(row.getByTestId("refunded")).toHaveText(/refunded \$15\.00/);
      await expect(row.getByRole("button", { name: "Refund" })).toHaveCount(0);
      const [refunded] = await chargesOf(request, customer.id);
      expect(refunded).toMatchObject({ amount_refunded: 1500, refunded: true });
      expect(refunded?.refunds.map((item) => item.amount).sort((a, b) => a - b)).toEqual([500, 1000]);
      await close();
    });
  }

  test("without a card the charge form says so and cannot submit", async ({ financePage: page, request }) => {
    const customer = await createCustomer(request);
    await openCustomer(page, customer.id);
    await page.getByRole("button", { name: "New charge" }).click();
    const form = page.getByRole("form", { name: "New charge" });
    await form.getByLabel("Amount").fill("15.00");
    await expect(form.getByTestId("amount-effect")).toHaveText("$15.00");
    await expect(form.getByRole("alert")).toHaveText(/No card on file/);
    await expect(form.getByRole("button", { name: "Charge" })).toBeDisabled();
  });
});
