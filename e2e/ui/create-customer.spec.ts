import { getCustomer, writeHeaders } from "../support/api";
import { ACTING_ROLES, expectAudited, pageAs } from "./support/customer-actions";
import { expect, test } from "./support/fixtures";

// Each test saves a card through the emulator and waits for its webhook; on a busy two-core
// machine with other suites running, that alone took up to a minute, and
// the page's panels as long again.
test.describe.configure({ timeout: 240_000 });

test.describe("a new customer from the list", () => {
  for (const role of ACTING_ROLES) {
    test(`${role}: creates a customer with properties, lands on its page and the audit trail records it`, async ({
      browser,
      baseURL,
      request,
    }) => {
      const id = crypto.randomUUID().slice(0, 8);
      const { page, close } = await pageAs(browser, baseURL, role);
      await page.goto("/customers");
      await page.getByRole("link", { name: "New customer" }).click();
      await expect(page).toHaveURL(/\/customers\/new$/);
      const form = page.getByRole("form", { name: "New customer" });
      await form.getByLabel("External id").fill(`crm-ui-${id}`);
      await form.getByLabel("Email", { exact: true }).fill(`new-${id}@acme.example`);
      await form.getByLabel("Company name").fill(`New Donuts ${id}`);
      await form.getByLabel("Address line 1").fill("Hauptstr. 1");
      await form.getByLabel("City").fill("Berlin");
      await form.getByLabel("Postal code").fill("10115");
      await form.getByLabel(/^Country/).fill("DE");
      await form.getByRole("button", { name: "Add property" }).click();
      await form.getByLabel("Key 1").fill("tier");
      await form.getByLabel("Value 1").fill("gold");
      await form.getByRole("button", { name: "Add property" }).click();
      await form.getByLabel("Key 2").fill("api_quota");
      await form.getByLabel("Type 2").selectOption("number");
      await form.getByLabel("Value 2").fill("10000");
      await form.getByRole("button", { name: "Create customer" }).click();

      await expect(page).toHaveURL(/\/customers\/cus_[0-9A-Z]+$/);
      const customerId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
      await expect(page.getByRole("heading", { level: 1 })).toContainText(`New Donuts ${id}`);
      const properties = page.getByRole("region", { name: "Properties" });
      await expect(properties.getByLabel("Key 1")).toHaveValue("tier");
      await expect(properties.getByLabel("Value 2")).toHaveValue("10000");
      const stored = await getCustomer(request, customerId);
      expect(stored).toMatchObject({
        external_id: `crm-ui-${id}`,
        email: `new-${id}@acme.example`,
        address: { line1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country: "DE" },
        properties: [
          { key: "tier", value: "gold" },
          { key: "api_quota", value: 10000 },
        ],
      });
      await expectAudited(request, customerId, { action: "customer.created", entityId: customerId, role });
      await close();
    });
  }

  test("the API's errors stand beside the fields they name, and no customer is created", async ({
    financePage: page,
    request,
  }) => {
    const externalId = `crm-bad-${crypto.randomUUID().slice(0, 8)}`;
    await page.goto("/customers/new");
    const form = page.getByRole("form", { name: "New customer" });
    await form.getByLabel("External id").fill(externalId);
    await form.getByLabel("Email", { exact: true }).fill("not-an-email");
    await form.getByLabel(/^Country/).fill("XX");
    const answer = page.waitForResponse((response) => new URL(response.url()).pathname === "/customers.json");
    await form.getByRole("button", { name: "Create customer" }).click();
    expect((await answer).status()).toBe(422);
    await expect(form.getByLabel("Email", { exact: true })).toHaveAccessibleDescription(
      "must be a valid email address",
    );
    await expect(form.getByLabel(/^Country/)).toHaveAccessibleDescription(/ISO 3166-1 alpha-2/);
    await expect(form.getByLabel("External id")).not.toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/customers\/new$/);
    const listed = await request.get(`/customers.json?external_id=${externalId}`, {
      headers: writeHeaders(),
    });
    expect(((await listed.json()) as { data: unknown[] }).data).toEqual([]);
  });
});
