import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createCustomer, createCustomerWithProperties } from "../support/api";
import { expect, test } from "./support/fixtures";
import { settled } from "./support/settled";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
    }));
}

test.describe("accessibility (axe-core)", () => {
  test("sign-in has no serious or critical violations", async ({ page }) => {
    await page.goto("/sign-in");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("customers list has none", async ({ financePage: page, request }) => {
    await createCustomer(request);
    // An empty company name must not leave a link without an accessible name.
    await createCustomer(request, { company_name: "" });
    await page.goto("/customers");
    await expect(page.locator("tbody tr").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("customer page has none", async ({ financePage: page, request }) => {
    const customer = await createCustomerWithProperties(request, [{ key: "tier", value: "gold" }]);
    await page.goto(`/customers/${customer.id}`);
    // The page's last panel to load: a dozen queries share two cores with the other workers in CI.
    await expect(page.getByRole("region", { name: "Audit trail" }).getByText("customer.created")).toBeVisible(
      { timeout: 30_000 },
    );
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
