import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { createCustomer, writeHeaders } from "../support/api";
import { dayFromToday, keepFigures } from "../support/kept-figures";
import { expect, test } from "./support/fixtures";
import { contextAs } from "./support/sessions";

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

  test("every filter is a control kept in the URL: a reload and a shared link show the same view", async ({
    financePage: page,
    request,
    browser,
    baseURL,
  }) => {
    const token = `filt${randomUUID().slice(0, 8)}`;
    const gold = [{ key: "tier", value: "gold" }];
    const wanted = await createCustomer(request, {
      company_name: `${token} Wanted`,
      address: { country: "FR" },
      properties: gold,
    });
    const lowRisk = await createCustomer(request, {
      company_name: `${token} Low`,
      address: { country: "FR" },
      properties: gold,
    });
    const silver = await createCustomer(request, {
      company_name: `${token} Silver`,
      address: { country: "FR" },
      properties: [{ key: "tier", value: "silver" }],
    });
    await keepFigures(wanted.id, { riskLevel: "high", riskScore: 80, mrr: { USD: 19800 } });
    await keepFigures(lowRisk.id, { riskLevel: "low", riskScore: 5, mrr: { USD: 19800 } });
    await keepFigures(silver.id, { riskLevel: "high", riskScore: 70, mrr: { USD: 19800 } });

    await page.goto(`/customers?q=${token}`);
    await expect(rows(page)).toHaveCount(3);
    await page.getByLabel("Risk level").selectOption("high");
    await expect(rows(page)).toHaveCount(2);
    await page.getByRole("button", { name: "Add property filter" }).click();
    await page.getByLabel("Property 1 key").fill("tier");
    await page.getByLabel("Property 1 value").fill("gold");
    await page.getByLabel("Country").fill("FR");
    await page.getByLabel("Currency").fill("USD");
    await page.getByLabel("MRR at least (minor units)").fill("10000");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/risk_level=high/);
    await expect(page).toHaveURL(/properties%5Btier%5D=gold/);
    await expect(page).toHaveURL(/mrr_gte=10000/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(`${token} Wanted`);
    await expect(page.getByTestId("customer-total")).toHaveText("1 customers match");

    const view = page.url();
    await page.reload();
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByLabel("Risk level")).toHaveValue("high");
    await expect(page.getByLabel("Property 1 key")).toHaveValue("tier");
    await expect(page.getByLabel("Property 1 value")).toHaveValue("gold");
    await expect(page.getByLabel("MRR at least (minor units)")).toHaveValue("10000");

    // The same link, opened by someone else (an admin), shows the same customers.
    const admin = await contextAs(browser, baseURL ?? "", "admin");
    const shared = await admin.newPage();
    await shared.goto(view);
    await expect(rows(shared)).toHaveCount(1);
    await expect(rows(shared).first()).toContainText(`${token} Wanted`);
    await admin.close();
  });

  test("rows show MRR and YRR per currency, risk level and score", async ({ financePage: page, request }) => {
    const token = `cols${randomUUID().slice(0, 8)}`;
    const customer = await createCustomer(request, { company_name: `${token} Columns` });
    await keepFigures(customer.id, {
      riskLevel: "medium",
      riskScore: 45,
      mrr: { USD: 19800, EUR: 500 },
      cardExpiresOn: dayFromToday(10),
    });
    await page.goto(`/customers?q=${token}`);
    const row = rows(page).first();
    await expect(row).toContainText("$198.00");
    await expect(row).toContainText("$2,376.00");
    await expect(row).toContainText("€5.00");
    await expect(row).toContainText("€60.00");
    await expect(row).toContainText("medium 45");
    await expect(row).toContainText("No card");
    for (const header of ["MRR", "YRR", "Risk", "Card", "Status", "Country"])
      await expect(page.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  });

  test("Export CSV downloads the view, as many rows as the list's total, and names the file", async ({
    financePage: page,
    request,
  }) => {
    const token = `expo${randomUUID().slice(0, 8)}`;
    for (let index = 0; index < 25; index++)
      await createCustomer(request, {
        company_name: `${token} No ${index}`,
        address: { country: index % 5 === 0 ? "FR" : "DE" },
      });
    await page.goto(`/customers?q=${token}&country=DE`);
    await expect(page.getByTestId("customer-total")).toHaveText("20 customers match");
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...records] = parse(await readFile(await download.path())) as string[][];
    expect(header?.slice(0, 2)).toEqual(["id", "external_id"]);
    expect(records).toHaveLength(20);
    expect(records.every((record) => record[header?.indexOf("address_country") ?? -1] === "DE")).toBe(true);
    await expect(page.getByRole("status").filter({ hasText: "Exported" })).toHaveText(
      /^Exported 20 rows to customers-\d{4}-\d{2}-\d{2}\.csv$/,
    );
  });
});
