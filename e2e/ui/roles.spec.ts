import { createCustomer } from "../support/api";
import { expect, test } from "./support/fixtures";

test.describe("viewers see everything and change nothing", () => {
  test("no write controls on the customer page", async ({ viewerPage: page, request }) => {
    const customer = await createCustomer(request);
    await page.goto(`/customers/${customer.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(customer.company_name as string);
    await expect(page.getByLabel("Email", { exact: true })).toBeDisabled();
    await expect(page.getByTestId("signed-in-user")).toContainText("viewer");
    for (const name of [
      "Save contact",
      "Save properties",
      "Add property",
      "Generate payment link",
      "Suspend",
      "Delete",
    ]) {
      await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
  });

  test("the API refuses a viewer's PATCH made with the session cookie (403)", async ({
    viewerPage: page,
    request,
    baseURL,
  }) => {
    const customer = await createCustomer(request);
    await page.goto("/customers");
    const response = await page.request.patch(`/customers/${customer.id}.json`, {
      headers: { origin: baseURL ?? "" },
      data: { company_name: "Changed by a viewer" },
    });
    expect(response.status()).toBe(403);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
  });

  test("admin pages are refused to finance and viewers", async ({ financePage, viewerPage }) => {
    for (const page of [financePage, viewerPage]) {
      await page.goto("/admin/api-keys");
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
      expect((await page.request.get("/api/api_keys")).status()).toBe(403);
    }
  });
});

test.describe("CSRF", () => {
  test("a cookie-authenticated write from a foreign Origin is refused (403); the same write from ours passes", async ({
    financePage: page,
    request,
    baseURL,
  }) => {
    const customer = await createCustomer(request);
    await page.goto("/customers");
    const foreign = await page.request.patch(`/customers/${customer.id}.json`, {
      headers: { origin: "https://evil.example" },
      data: { company_name: "CSRF" },
    });
    expect(foreign.status()).toBe(403);
    const foreignPost = await page.request.post("/customers.json", {
      headers: { origin: "https://evil.example" },
      data: { external_id: `csrf-${customer.id}`, email: "csrf@evil.example", address: { country: "DE" } },
    });
    expect(foreignPost.status()).toBe(403);
    const own = await page.request.patch(`/customers/${customer.id}.json`, {
      headers: { origin: baseURL ?? "" },
      data: { company_name: "Renamed here" },
    });
    expect(own.status()).toBe(200);
  });
});
