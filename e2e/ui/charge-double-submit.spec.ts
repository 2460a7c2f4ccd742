import type { Page, Request } from "@playwright/test";
import { billableCustomer } from "../billing/billing-support";
import { chargesOf, openCustomer } from "./support/customer-actions";
import { expect, test } from "./support/fixtures";

const isChargePost = (customerId: string) => (request: Request) =>
  request.method() === "POST" && new URL(request.url()).pathname === `/customers/${customerId}/charges.json`;

async function fillCharge(page: Page, amount: string) {
  await page.getByRole("button", { name: "New charge" }).click();
  const form = page.getByRole("form", { name: "New charge" });
  await form.getByLabel("Amount").fill(amount);
  await form.getByLabel("Currency").fill("USD");
  await form.getByLabel("Description").fill("Once only");
  return form;
}

// Each test saves a card through the emulator and waits for its webhook; on a busy two-core
// machine with other suites running, that alone took up to a minute, and
// the page's panels as long again.
test.describe.configure({ timeout: 240_000 });

test.describe("a charge is made once however often it is submitted", () => {
  test("a double click and then a replay of the page's request make exactly one charge", async ({
    financePage: page,
    request,
    baseURL,
  }) => {
    const customer = await billableCustomer(request);
    await openCustomer(page, customer.id);
    const form = await fillCharge(page, "12.34");
    const sent: Request[] = [];
    page.on("request", (outgoing) => {
      if (isChargePost(customer.id)(outgoing)) sent.push(outgoing);
    });
    const answered = page.waitForResponse((response) => isChargePost(customer.id)(response.request()));
    await form.getByRole("button", { name: "Charge" }).dblclick();
    const first = await answered;
    expect(first.status()).toBe(201);
    const charge = (await first.json()) as { id: string };
    await expect(page.getByTestId("charge-row").filter({ hasText: "Once only" })).toContainText("succeeded");

    // The same request again, as a retrying client or a replayed tab would send it.
    const original = first.request();
    const key = original.headers()["idempotency-key"];
    expect(key).toBeTruthy();
    const replay = await page.request.post(original.url(), {
      headers: { origin: baseURL ?? "", "content-type": "application/json", "idempotency-key": key ?? "" },
      data: original.postDataJSON(),
    });
    expect(replay.status()).toBe(201);
    expect(((await replay.json()) as { id: string }).id).toBe(charge.id);

    const charges = await chargesOf(request, customer.id);
    expect(charges.map((item) => item.id)).toEqual([charge.id]);
    // Every request the page sent for this submission carried the one key.
    expect(new Set(sent.map((outgoing) => outgoing.headers()["idempotency-key"]))).toEqual(new Set([key]));
  });

  test("a retry after the answer was lost sends the same key and charges once; the next charge gets a new key", async ({
    financePage: page,
    request,
  }) => {
    const customer = await billableCustomer(request);
    await openCustomer(page, customer.id);
    const keys: string[] = [];
    let lost = false;
    // The first request reaches the server and charges, but its answer never reaches the page.
    await page.route(
      (url) => url.pathname === `/customers/${customer.id}/charges.json`,
      async (route) => {
        if (route.request().method() !== "POST") return route.continue();
        keys.push(route.request().headers()["idempotency-key"] ?? "");
        if (lost) return route.continue();
        lost = true;
        await route.fetch();
        await route.abort("connectionreset");
      },
    );
    const form = await fillCharge(page, "7.00");
    await form.getByRole("button", { name: "Charge" }).click();
    await expect(form.getByRole("alert")).toBeVisible();
    expect(await chargesOf(request, customer.id)).toHaveLength(1);

    await form.getByRole("button", { name: "Charge" }).click();
    await expect(page.getByTestId("charge-row").filter({ hasText: "Once only" })).toContainText("succeeded");
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await chargesOf(request, customer.id)).toHaveLength(1);

    const next = await fillCharge(page, "7.00");
    await next.getByRole("button", { name: "Charge" }).click();
    await expect(page.getByTestId("charge-row")).toHaveCount(2);
    expect(keys).toHaveLength(3);
    expect(keys[2]).not.toBe(keys[0]);
  });
});
