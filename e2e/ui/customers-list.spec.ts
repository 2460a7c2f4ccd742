import { randomUUID } from "node:crypto";
import { createCustomer, writeHeaders } from "../support/api";
import { expect, test } from "./support/fixtures";

const rows = (page: import("@playwright/test").Page) => page.locator("tbody tr");

test.describe("/customers", () => {
  test("search by the API's q, newest first, and open a customer", async ({ financePage: page, request }) => {
    const token = `srch${randomUUID().slice(0, 8)}`;
    const first = await createCustomer(request, { company_name: `${token} First Ltd` });
    const second = await createCustomer(request, { company_name: `${token} Second Ltd` });
    await page.goto("/customers");
    await page.getByLabel("Search customers").fill(token);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${token}`));
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).first()).toContainText(`${token} Second Ltd`);
    await expect(rows(page).nth(1)).toContainText(`${token} First Ltd`);
    await page.getByRole("link", { name: `${token} First Ltd` }).click();
    await expect(page).toHaveURL(`/customers/${first.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${token} First Ltd`);
    await page.goBack();
    await expect(page.getByLabel("Search customers")).toHaveValue(token);
    await expect(rows(page)).toHaveCount(2);
    expect(second.id > first.id).toBe(true);
  });

  test("status filter, and the URL keeps it", async ({ financePage: page, request }) => {
    const token = `stat${randomUUID().slice(0, 8)}`;
    await createCustomer(request, { company_name: `${token} Active` });
    const suspended = await createCustomer(request, { company_name: `${token} Suspended` });
    await request.patch(`/customers/${suspended.id}.json`, {
      headers: writeHeaders(),
      data: { status: "suspended" },
    });
    await page.goto(`/customers?q=${token}`);
    await expect(rows(page)).toHaveCount(2);
    await page.getByLabel("Status").selectOption("suspended");
    await expect(page).toHaveURL(/status=suspended/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(`${token} Suspended`);
    await page.reload();
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByLabel("Status")).toHaveValue("suspended");
  });

  test("cursor pagination forward and back, with the browser's back button", async ({
    financePage: page,
    request,
  }) => {
    const token = `page${randomUUID().slice(0, 8)}`;
    for (let index = 0; index < 23; index++)
      await createCustomer(request, { company_name: `${token} No ${index}` });
    await page.goto(`/customers?q=${token}`);
    await expect(rows(page)).toHaveCount(20);
    await expect(page.getByRole("button", { name: "← Previous" })).toBeDisabled();
    await page.getByRole("button", { name: "Next →" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(rows(page)).toHaveCount(3);
    await expect(rows(page).last()).toContainText(`${token} No 0`);
    await expect(page.getByRole("button", { name: "Next →" })).toBeDisabled();
    await page.getByRole("button", { name: "← Previous" }).click();
    await expect(rows(page)).toHaveCount(20);
    await expect(rows(page).first()).toContainText(`${token} No 22`);
    await page.goBack();
    await expect(rows(page)).toHaveCount(3);
  });

  test("an empty result says what to do", async ({ financePage: page }) => {
    await page.goto(`/customers?q=nothing-${randomUUID()}`);
    await expect(page.getByText("No customers match this search")).toBeVisible();
  });
});
