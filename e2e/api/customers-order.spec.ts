import { randomUUID } from "node:crypto";
import * as api from "@donutwork/api-client";
import { expect, test } from "@playwright/test";
import { createCustomer, writeClient, writeHeaders } from "../support/api";
import { expectData } from "../support/api-typed";

test.describe("GET /customers.json?order=", () => {
  test("newest first by default, oldest first on request, and the cursor follows the order", async ({
    request,
  }) => {
    const marker = `Order-${randomUUID()}`;
    const created: string[] = [];
    for (let index = 0; index < 3; index++)
      created.push((await createCustomer(request, { company_name: `${marker} ${index}` })).id);

    const ids = async (query: api.ListCustomersData["query"]) => {
      const page = await api.listCustomers({
        client: writeClient(request),
        query: { q: marker, limit: 2, ...query },
      });
      return expectData(page, 200);
    };
    const newest = await ids({});
    expect(newest.data.map((customer) => customer.id)).toEqual([created[2], created[1]]);
    const cursor = newest.next_cursor ?? "";
    expect((await ids({ cursor })).data.map((customer) => customer.id)).toEqual([created[0]]);

    const oldest = await ids({ order: "oldest" });
    expect(oldest.data.map((customer) => customer.id)).toEqual([created[0], created[1]]);
    const oldestCursor = oldest.next_cursor ?? "";
    expect(
      (await ids({ order: "oldest", cursor: oldestCursor })).data.map((customer) => customer.id),
    ).toEqual([created[2]]);
  });

  test("an unknown order is a 422 naming the field", async ({ request }) => {
    const response = await request.get("/customers.json?order=sideways", { headers: writeHeaders() });
    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual([expect.objectContaining({ field: "order" })]);
  });
});
