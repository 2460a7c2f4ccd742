import AxeBuilder from "@axe-core/playwright";
import {
  billableCustomer,
  changeSubscription,
  charge,
  DECLINING_CARD,
  subscribe,
} from "../billing/billing-support";
import { expectData } from "../support/api-typed";
import { expect, test } from "./support/fixtures";
import { settled } from "./support/settled";

// Cards saved through the emulator's checkout and subscriptions made through the API first.
test.describe.configure({ timeout: 120_000 });

test.describe("/customers/{id}: the MRR accounted for", () => {
  test("the breakdown sums to the MRR shown; the timeline shows each change with its cause", async ({
    financePage: page,
    request,
  }) => {
    const customer = await billableCustomer(request);
    const monthly = await subscribe(request, customer.id, { description: "Pro plan", amount: 4900 });
    await changeSubscription(request, monthly.id, { quantity: 2 });
    await subscribe(request, customer.id, { description: "Annual plan", amount: 120000, interval: "year" });
    await subscribe(request, customer.id, { description: "Trial add-on", amount: 1000, trial_days: 14 });

    await page.goto(`/customers/${customer.id}`);
    await settled(page);
    // 2 × 49.00 a month + 1,200.00 a year ÷ 12 = 198.00; the trial counts 0 until it ends.
    await expect(page.getByRole("region", { name: "Revenue and risk" }).getByTestId("mrr")).toHaveText(
      "$198.00",
    );
    const breakdown = page.getByRole("region", { name: "MRR breakdown" });
    await expect(breakdown.getByTestId("breakdown-total-USD")).toHaveText("$198.00");
    const lines = breakdown.getByTestId("breakdown-line");
    await expect(lines).toHaveCount(3);
    await expect(lines.filter({ hasText: "Pro plan" })).toContainText("$49.00 × 2 = $98.00");
    await expect(lines.filter({ hasText: "Pro plan" })).toContainText("per month, ÷ 1");
    await expect(lines.filter({ hasText: "Annual plan" })).toContainText("per year, ÷ 12");
    await expect(lines.filter({ hasText: "Annual plan" }).getByRole("cell").last()).toHaveText("$100.00");
    await expect(lines.filter({ hasText: "Trial add-on" })).toContainText("no: trialing");

    const timeline = page.getByRole("list", { name: "MRR changes, newest first" });
    const entries = timeline.getByTestId("mrr-history-entry");
    // The trial's start moved nothing (0 → 0 is no movement), so three changes, newest first.
    await expect(entries).toHaveCount(3);
    await expect(entries.nth(0)).toContainText("Expansion (USD): $98.00 → $198.00 (+$100.00)");
    await expect(entries.nth(0)).toContainText("Annual plan: created");
    await expect(entries.nth(1)).toContainText("Expansion (USD): $49.00 → $98.00 (+$49.00)");
    await expect(entries.nth(1)).toContainText("Pro plan: quantity 1 → 2");
    await expect(entries.nth(2)).toContainText("New (USD): $0.00 → $49.00 (+$49.00)");
    await expect(entries.nth(2)).toContainText("Pro plan: created");

    const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
      (violation) => violation.impact === "serious" || violation.impact === "critical",
    );
    expect(serious.map((violation) => violation.id)).toEqual([]);
  });

  test("a risk signal shows since when and its evidence; the risk history when it appeared", async ({
    viewerPage: page,
    request,
  }) => {
    const customer = await billableCustomer(request, DECLINING_CARD);
    const failed = expectData(await charge(request, customer.id, { amount: 1500 }), 201);
    expect(failed.status).toBe("failed");

    // A viewer reads it all.
    await page.goto(`/customers/${customer.id}`);
    const panel = page.getByRole("region", { name: "Revenue and risk" });
    const signal = panel
      .getByRole("list", { name: "Risk signals" })
      .getByRole("listitem")
      .filter({ hasText: "charge_failed" });
    await expect(signal).toContainText(/since \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);
    await expect(signal.getByRole("list", { name: "Evidence" })).toContainText(`charge ${failed.id}`);
    await expect(signal.getByRole("link", { name: failed.id })).toHaveAttribute(
      "href",
      `/charges/${failed.id}.json`,
    );
    await expect(panel.getByTestId("risk-history")).toContainText(
      /charge_failed: appeared .* UTC, still present/,
    );
  });
});
