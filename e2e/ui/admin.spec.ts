import { randomUUID } from "node:crypto";
import { expect, test } from "./support/fixtures";

test.describe("admin", () => {
  test("API keys: create shows the secret once with a copy button; list; revoke", async ({
    adminPage: page,
    request,
  }) => {
    const name = `ui key ${randomUUID().slice(0, 8)}`;
    await page.goto("/admin/api-keys");
    await page.getByLabel("Key name").fill(name);
    await page.getByRole("button", { name: "Create API key" }).click();
    const secret = (await page.getByTestId("revealed-secret").textContent()) ?? "";
    expect(secret).toMatch(/^dw_/);
    await page.getByRole("button", { name: "Copy api key secret" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const row = page.locator("tr").filter({ hasText: name });
    await expect(row).toContainText(`${secret.slice(0, 10)}…`);
    await expect(row).toContainText("never");
    expect(
      (await request.get("/customers.json", { headers: { authorization: `Bearer ${secret}` } })).status(),
    ).toBe(200);
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await expect(row).toContainText("revoked");
    expect(
      (await request.get("/customers.json", { headers: { authorization: `Bearer ${secret}` } })).status(),
    ).toBe(401);
  });

  test("staff users: list and create", async ({ adminPage: page }) => {
    const email = `ui-${randomUUID().slice(0, 8)}@e2e.donutwork.test`;
    await page.goto("/admin/users");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Initial password").fill(`pw-${randomUUID()}`);
    await page.getByLabel("Role", { exact: true }).selectOption("finance");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.locator("tr").filter({ hasText: email })).toContainText("finance");
  });

  test("webhook endpoints: create shows the signing secret once; delete", async ({ adminPage: page }) => {
    const url = `http://127.0.0.1:9/${randomUUID().slice(0, 8)}`;
    await page.goto("/admin/webhooks");
    await page.getByLabel("Endpoint URL").fill(url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByTestId("revealed-secret")).toHaveText(/^whsec_/);
    const item = page.locator("li").filter({ hasText: url });
    await expect(item).toBeVisible();
    await item.getByRole("button", { name: `Delete endpoint ${url}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete endpoint" }).click();
    await expect(item).toHaveCount(0);
  });
});
