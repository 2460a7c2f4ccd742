import * as api from "@donutwork/api-client";
import { type APIRequestContext, expect, test } from "@playwright/test";
import {
  type CustomerJson,
  expectProblem,
  postCustomer,
  readApi,
  readAuth,
  uniqueToken,
  writeApi,
} from "../support/api-client";
import { expectData } from "../support/api-typed";

async function list(request: APIRequestContext, query: api.ListCustomersData["query"]) {
  return expectData(await api.listCustomers({ client: readApi(request), query }), 200);
}

/** Creates `count` customers one after the other whose company name carries `token`. */
async function createTagged(request: APIRequestContext, token: string, count: number) {
  const created: CustomerJson[] = [];
  for (let index = 0; index < count; index++)
    created.push(await postCustomer(request, { company_name: `${token} #${index}` }));
  return created;
}

test.describe("GET /customers.json", () => {
  test("pages newest first with a cursor: no duplicates, no gaps", async ({ request }) => {
    const token = uniqueToken("Pager");
    const created = await createTagged(request, token, 5);
    const newestFirst = [...created].reverse().map((customer) => customer.id);
    expect([...newestFirst].sort().reverse()).toEqual(newestFirst); // ids sort by creation time

    const first = await list(request, { q: token, limit: 2 });
    expect(first.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.has_more).toBe(true);
    expect(first.next_cursor).toEqual(expect.any(String));

    const second = await list(request, { q: token, limit: 2, cursor: first.next_cursor ?? "" });
    expect(second.data.map((c) => c.id)).toEqual(newestFirst.slice(2, 4));
    expect(second.has_more).toBe(true);

    const third = await list(request, { q: token, limit: 2, cursor: second.next_cursor ?? "" });
    expect(third.data.map((c) => c.id)).toEqual(newestFirst.slice(4));
    expect(third.has_more).toBe(false);
    expect(third.next_cursor).toBeNull();
    expect(third.data[0]).toEqual(created[0]);
  });

  test("an exactly full last page says has_more false", async ({ request }) => {
    const token = uniqueToken("Full");
    await createTagged(request, token, 2);
    const page = await list(request, { q: token, limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(false);
    expect(page.next_cursor).toBeNull();
  });

  test("limit defaults to 20 and accepts 1 and 100", async ({ request }) => {
    const token = uniqueToken("Limit");
    await createTagged(request, token, 21);
    const byDefault = await list(request, { q: token });
    expect(byDefault.data).toHaveLength(20);
    expect(byDefault.has_more).toBe(true);
    expect((await list(request, { q: token, limit: 1 })).data).toHaveLength(1);
    const all = await list(request, { q: token, limit: 100 });
    expect(all.data).toHaveLength(21);
    expect(all.has_more).toBe(false);
  });

  for (const limit of ["0", "101", "abc", "-1", "2.5", ""]) {
    test(`limit=${JSON.stringify(limit)} is a 422 naming limit`, async ({ request }) => {
      const response = await request.get(`/customers.json?limit=${encodeURIComponent(limit)}`, {
        headers: readAuth(),
      });
      await expectProblem(response, 422, ["limit"]);
    });
  }

  for (const cursor of ["garbage", "Y3VzX25vdC1hbi1pZA", "!!!", ""]) {
    test(`cursor=${JSON.stringify(cursor)} is a 422 naming cursor`, async ({ request }) => {
      const response = await request.get(`/customers.json?cursor=${encodeURIComponent(cursor)}`, {
        headers: readAuth(),
      });
      await expectProblem(response, 422, ["cursor"]);
    });
  }

  test("an unknown status is a 422 naming status", async ({ request }) => {
    await expectProblem(await request.get("/customers.json?status=gone", { headers: readAuth() }), 422, [
      "status",
    ]);
  });

  test("status filters; deleted customers appear only with status=deleted", async ({ request }) => {
    const token = uniqueToken("Status");
    const [active, suspended, deleted] = await createTagged(request, token, 3);
    if (!active || !suspended || !deleted) throw new Error("three customers were made");
    const client = writeApi(request);
    const suspend = { client, path: { id: suspended.id }, body: { status: "suspended" as const } };
    expectData(await api.updateCustomer(suspend), 200);
    expectData(await api.deleteCustomer({ client, path: { id: deleted.id } }), 200);

    const ids = async (query: api.ListCustomersData["query"]) =>
      (await list(request, { q: token, ...query })).data.map((c) => c.id);
    expect(await ids({})).toEqual([suspended.id, active.id]);
    expect(await ids({ status: "active" })).toEqual([active.id]);
    expect(await ids({ status: "suspended" })).toEqual([suspended.id]);
    expect(await ids({ status: "deleted" })).toEqual([deleted.id]);
    const byExternalId = await list(request, { external_id: deleted.external_id });
    expect(byExternalId.data).toEqual([]);
  });

  test("external_id is an exact match", async ({ request }) => {
    const token = uniqueToken("crm");
    const exact = await postCustomer(request, { external_id: token });
    await postCustomer(request, { external_id: `${token}-2` });
    expect((await list(request, { external_id: token })).data).toEqual([exact]);
    expect((await list(request, { external_id: token.slice(0, -1) })).data).toEqual([]);
    expect((await list(request, { external_id: token.toUpperCase() })).data).toEqual([]);
  });

  test("q matches a case-insensitive substring of email, company name or external id", async ({
    request,
  }) => {
    const token = uniqueToken("qx").toLowerCase();
    const byEmail = await postCustomer(request, { email: `Billing.${token}@Acme.example` });
    const byCompany = await postCustomer(request, { company_name: `Acme ${token.toUpperCase()} GmbH` });
    const byExternalId = await postCustomer(request, { external_id: `crm-${token}-x` });
    await postCustomer(request); // matches nothing

    const mixedCase = token
      .slice(3, 25)
      .split("")
      .map((char, index) => (index % 2 ? char.toUpperCase() : char))
      .join("");
    const found = await list(request, { q: mixedCase });
    expect(found.data.map((c) => c.id)).toEqual([byExternalId.id, byCompany.id, byEmail.id]);
    expect((await list(request, { q: `${token}-nothing` })).data).toEqual([]);
  });

  // External ids are found through 6-character windows (the external_id_search migration): a
  // term of 6 or more characters needs all its windows, a shorter one is the start of a window.
  test("q finds an external id by any part of it, short or long, wherever it sits", async ({ request }) => {
    const token = uniqueToken("ext").toLowerCase();
    const target = await postCustomer(request, { external_id: `O'Brien\\${token}-ÄBC-000123` });
    const ids = async (q: string) => (await list(request, { q })).data.map((c) => c.id);

    expect(await ids(`O'Brien\\${token}-ÄBC-000123`)).toEqual([target.id]);
    expect(await ids(`o'brien\\${token}-Äbc`)).toEqual([target.id]); // a start, another case
    expect(await ids(`${token}-ÄBc-0`)).toEqual([target.id]); // the middle
    expect(await ids(`${token.slice(-4)}-ÄBC-000123`)).toEqual([target.id]); // the end
    // Shorter than a window, in the middle and at the very end (other customers may match too).
    expect(await ids(`${token.slice(-2)}-Ä`)).toContain(target.id);
    expect(await ids("0123")).toContain(target.id);
    expect(await ids(`${token}-ÄBC-0001234`)).toEqual([]); // one character too many
  });

  test("q on external ids is decided by the text, not by the windows that find candidates", async ({
    request,
  }) => {
    const token = uniqueToken("win").toLowerCase();
    // Every 6-character window of `${token}abcdefgh` occurs in this id, but not the term itself.
    await postCustomer(request, { external_id: `${token}abcdefg-xbcdefgh` });
    expect((await list(request, { q: `${token}abcdefgh` })).data).toEqual([]);
    expect((await list(request, { q: `${token}abcdefg-xbcdefgh` })).data).toHaveLength(1);
  });

  test("q folds case beyond ASCII", async ({ request }) => {
    const token = uniqueToken("fold").toLowerCase();
    const target = await postCustomer(request, { company_name: `MÜLLER ÆØÅ ${token} GmbH` });
    expect((await list(request, { q: `müller æøå ${token}` })).data.map((c) => c.id)).toEqual([target.id]);
  });

  test("q treats LIKE wildcards literally", async ({ request }) => {
    const token = uniqueToken("Wild");
    await postCustomer(request, { company_name: `${token} plain` });
    expect((await list(request, { q: `${token}%plain` })).data).toEqual([]);
    expect((await list(request, { q: `${token.slice(0, 10)}_` })).data).toEqual([]);
  });
});
