import { createCustomerWithProperties } from "../support/api";
import { expect, test } from "./support/fixtures";
import { settled } from "./support/settled";

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

// Three signed-in roles and five pages, each shot whole: at a CI load average of 15 on two cores
// that took just over the default minute (each page 3–11 s), as long as revenue-screenshots.spec.ts.
test.describe.configure({ timeout: 180_000 });

test.describe("screenshots of the main pages", () => {
  test("sign-in, customers, customer, dashboard, admin", async ({
    page,
    financePage,
    adminPage,
    request,
  }) => {
    await page.goto("/sign-in");
    await page.screenshot(shot("sign-in"));

    const customer = await createCustomerWithProperties(
      request,
      [
        { key: "billing_tier", value: "gold" },
        { key: "api_quota", value: 10000 },
        { key: "vip", value: true },
      ],
      { company_name: "Screenshot Donuts GmbH" },
    );
    await financePage.goto("/customers");
    await expect(financePage.locator("tbody tr").first()).toBeVisible();
    await financePage.screenshot(shot("customers"));

    await financePage.goto(`/customers/${customer.id}`);
    await financePage.getByRole("button", { name: "Generate payment link" }).click();
    await expect(financePage.getByText("Copied", { exact: true })).toBeVisible();
    await settled(financePage);
    await financePage.screenshot(shot("customer"));

    await financePage.goto("/dashboard");
    await settled(financePage);
    await financePage.screenshot(shot("dashboard"));

    await adminPage.goto("/admin/api-keys");
    await expect(adminPage.locator("tbody tr").first()).toBeVisible();
    await adminPage.screenshot(shot("admin-api-keys"));
  });
});
