import { billableCustomer, cancelNow, changeSubscription, subscribe } from "../billing/billing-support";
import { expect, test } from "./support/fixtures";
import { currencyOfOurOwn, monthOfTwoCustomers } from "./support/revenue-book";
import { settled } from "./support/settled";

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test.describe.configure({ timeout: 180_000 });

test("screenshots: the revenue dashboard, a drill-down, a customer's MRR timeline", async ({
  financePage: page,
  request,
}) => {
  const currency = currencyOfOurOwn();
  const { alice } = await monthOfTwoCustomers(request, currency);
  // A third customer makes the other movement types: contraction, churn, then reactivation.
  const carol = await billableCustomer(request);
  const first = await subscribe(request, carol.id, {
    description: "Team plan",
    amount: 4000,
    quantity: 3,
    currency,
  });
  await changeSubscription(request, first.id, { quantity: 1 });
  await cancelNow(request, first.id);
  await subscribe(request, carol.id, { description: "Team plan", amount: 4500, currency });

  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 55 * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/dashboard?currency=${currency}&from=${from}&to=${today}&interval=week`);
  await settled(page);
  await page.screenshot(shot("issue14-dashboard"));

  await page.locator('[aria-label*=", new: "]').last().click();
  await expect(page.getByRole("dialog").getByTestId("drill-down-row").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/issue14-drill-down.png" });

  await page.goto(`/customers/${alice.id}`);
  await settled(page);
  await expect(page.getByTestId("mrr-history-entry").first()).toBeVisible();
  await page.getByRole("region", { name: "MRR breakdown" }).scrollIntoViewIfNeeded();
  await page.screenshot(shot("issue14-customer-revenue"));
});
