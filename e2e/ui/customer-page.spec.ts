import { billableCustomer, subscribe } from "../billing/billing-support";
import { createCustomer, createCustomerWithProperties, writeHeaders } from "../support/api";
import { expect, test } from "./support/fixtures";

test.describe("/customers/{id}", () => {
  test("edit properties: add, type, save as one PUT; errors shown on their row", async ({
    financePage: page,
    request,
  }) => {
    const customer = await createCustomerWithProperties(request, [{ key: "billing_tier", value: "gold" }]);
    await page.goto(`/customers/${customer.id}`);
    await expect(page.getByLabel("Key 1")).toHaveValue("billing_tier");
    await page.getByLabel("Value 1").fill("platinum");
    await page.getByRole("button", { name: "Add property" }).click();
    await page.getByLabel("Key 2").fill("bad key!");
    await page.getByLabel("Type 2").selectOption("number");
    await page.getByLabel("Value 2").fill("10000");
    await page.getByRole("button", { name: "Save properties" }).click();
    await expect(page.getByText("must be 1–40 characters of A–Z")).toBeVisible();
    await expect(page.getByLabel("Key 2")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Key 2").fill("api_quota");
    await page.getByRole("button", { name: "Save properties" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    const saved = await (
      await request.get(`/customers/${customer.id}.json`, { headers: writeHeaders() })
    ).json();
    expect(saved.properties).toEqual([
      { key: "billing_tier", value: "platinum" },
      { key: "api_quota", value: 10000 },
    ]);
    await page.getByRole("button", { name: "Remove property billing_tier" }).click();
    await page.getByRole("button", { name: "Save properties" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Key 1")).toHaveValue("api_quota");
    await expect(page.getByLabel("Key 2")).toHaveCount(0);
  });

  test("contact edits are validated inline with the API's schema and saved with PATCH", async ({
    financePage: page,
    request,
  }) => {
    const customer = await createCustomer(request);
    await page.goto(`/customers/${customer.id}`);
    const country = page.getByLabel("Country (ISO code, e.g. DE)");
    await country.fill("XX");
    await country.blur();
    await expect(page.getByText("must be an ISO 3166-1 alpha-2 code")).toBeVisible();
    await country.fill("FR");
    await page.getByLabel("City").fill("Paris");
    await page.getByRole("button", { name: "Save contact" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    const saved = await (
      await request.get(`/customers/${customer.id}.json`, { headers: writeHeaders() })
    ).json();
    expect(saved.address).toMatchObject({ country: "FR", city: "Paris" });
  });

  test("generate a payment link: copied to the clipboard, shown with its expiry", async ({
    financePage: page,
    request,
    baseURL,
  }) => {
    const customer = await createCustomer(request);
    await page.goto(`/customers/${customer.id}`);
    await page.getByRole("button", { name: "Generate payment link" }).click();
    await expect(page.getByText("Copied", { exact: true })).toBeVisible();
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toMatch(new RegExp(`^${baseURL}/pay/[A-Za-z0-9_-]{20,}$`));
    await expect(page.getByLabel(/Link \(valid until/)).toHaveValue(clipboard);
    await expect(page.locator("li").filter({ hasText: "open" }).first()).toBeVisible();
  });

  test("suspend and delete ask for confirmation first", async ({ financePage: page, request }) => {
    const customer = await createCustomer(request);
    await page.goto(`/customers/${customer.id}`);
    await page.getByRole("button", { name: "Suspend" }).click();
    await expect(page.getByRole("dialog")).toContainText("Suspend this customer?");
    await page.getByRole("dialog").getByRole("button", { name: "Suspend" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("suspended");
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("suspended");
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete customer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("deleted");
    await expect(page.getByRole("button", { name: "Save properties" })).toHaveCount(0);
  });

  test("the relationship graph shows the customer's nodes; a click opens a node's details", async ({
    financePage: page,
    request,
  }) => {
    const customer = await createCustomerWithProperties(request, [{ key: "tier", value: "gold" }]);
    const graph = await request.get(`/customers/${customer.id}/graph.json`, { headers: writeHeaders() });
    await page.goto(`/customers/${customer.id}`);
    const section = page.getByRole("region", { name: "Relationship graph" });
    expect(graph.status()).toBe(200);
    const body = (await graph.json()) as { nodes: { id: string; type: string; label: string }[] };
    await expect(section.locator(".react-flow__node")).toHaveCount(body.nodes.length);
    const customerNode = body.nodes.find((node) => node.type === "customer");
    expect(customerNode).toBeTruthy();
    await section.getByTestId(`rf__node-${customerNode?.id}`).click();
    await expect(section.getByRole("complementary", { name: "Node details" })).toContainText(
      customerNode?.id ?? "",
    );
  });

  test("MRR and YRR in the customer's currency", async ({ financePage: page, request }) => {
    // Two cards saved through the emulator's checkout and three subscriptions before the pages.
    test.setTimeout(90_000);
    // Real subscriptions, no stubbed answer, and the expected text written out: 2 × 49.00 USD a
    // month beside 10.00 EUR shows the larger currency's figures; 5,000 yen a month (a currency
    // without minor digits) is ¥5,000, not ¥50.00.
    const dollars = await billableCustomer(request);
    await subscribe(request, dollars.id, { amount: 4900, quantity: 2, currency: "USD" });
    await subscribe(request, dollars.id, { amount: 1000, currency: "EUR" });
    const yen = await billableCustomer(request);
    await subscribe(request, yen.id, { amount: 5000, currency: "JPY" });

    await page.goto(`/customers/${dollars.id}`);
    const panel = page.getByRole("region", { name: "Revenue and risk" });
    await expect(panel.getByTestId("mrr")).toHaveText("$98.00");
    await expect(panel.getByTestId("yrr")).toHaveText("$1,176.00");

    await page.goto(`/customers/${yen.id}`);
    await expect(panel.getByTestId("mrr")).toHaveText("¥5,000");
    await expect(panel.getByTestId("yrr")).toHaveText("¥60,000");
  });
});
