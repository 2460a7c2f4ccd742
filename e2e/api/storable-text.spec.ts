import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectProblem, postCustomer, writeAuth } from "../support/api-client";
import { queryDatabase } from "../support/api-database";
import { sessionOf } from "../ui/support/sessions";

// PostgreSQL cannot store NUL in text: every free-text field refuses it at the edge with a 422
// naming the field, before anything is written (lib/validations/text.ts), never a 500.
const NUL = "a\u0000b";

test.describe("free text with a NUL character", () => {
  test("subscription and charge descriptions are 422s naming the field", async ({ request }) => {
    const customer = await postCustomer(request);
    const subscription = await request.post(`/customers/${customer.id}/subscriptions.json`, {
      headers: writeAuth(),
      data: { description: NUL, amount: 1000, currency: "EUR", interval: "month" },
    });
    await expectProblem(subscription, 422, ["description"]);
    const charge = await request.post(`/customers/${customer.id}/charges.json`, {
      headers: { ...writeAuth(), "idempotency-key": randomUUID() },
      data: { description: NUL, amount: 1000, currency: "EUR" },
    });
    await expectProblem(charge, 422, ["description"]);
  });

  test("an API key name is a 422 naming it, and no key is made", async ({ request, baseURL }) => {
    const state = await sessionOf(baseURL ?? "", "admin");
    const cookie = state.cookies.map((item) => `${item.name}=${item.value}`).join("; ");
    const name = `nul-${randomUUID()}\u0000`;
    const response = await request.post("/api_keys.json", {
      headers: { cookie, origin: baseURL ?? "" },
      data: { name, scopes: ["read"] },
    });
    await expectProblem(response, 422, ["name"]);
    const [row] = await queryDatabase<{ n: number }>(
      "select count(*)::int as n from api_keys where name like $1",
      [`${name.slice(0, 40)}%`],
    );
    expect(row?.n).toBe(0);
  });
});
