import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { startWebhookReceiver } from "../../tests/support/webhook-receiver";
import { createCustomer, writeHeaders } from "../support/api";
import { sessionOf } from "../ui/support/sessions";

// Every list pages the same way: `?limit=` and `?cursor=` in, `has_more` and `next_cursor` out,
// newest first. Each list here is made longer than one page and walked to its end.

interface Page {
  data: { id: string }[];
  has_more: boolean;
  next_cursor: string | null;
}

/** Follows next_cursor from the first page to the last; checks every page's envelope on the way. */
async function walk(
  request: APIRequestContext,
  path: string,
  limit: number,
  headers: Record<string, string>,
) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const response = await request.get(`${path}?${query}`, { headers });
    expect(response.status(), await response.text()).toBe(200);
    const page = (await response.json()) as Page;
    expect(page.data.length).toBeLessThanOrEqual(limit);
    if (page.has_more) {
      expect(page.data.length).toBe(limit);
      expect(page.next_cursor).toEqual(expect.any(String));
    } else {
      expect(page.next_cursor).toBeNull();
    }
    ids.push(...page.data.map((item) => item.id));
    cursor = page.has_more ? page.next_cursor : null;
    pages++;
    expect(pages, `${path} never ends`).toBeLessThan(200);
  } while (cursor);
  return { ids, pages };
}

/** Newest first: ULID eids sort as text, audit entries' serial ids as numbers. */
function expectNewestFirst(ids: string[], serial = false) {
  const sorted = [...ids].sort((a, b) =>
    serial ? Number(BigInt(b) - BigInt(a)) : a < b ? 1 : a > b ? -1 : 0,
  );
  expect(ids).toEqual(sorted);
  expect(new Set(ids).size).toBe(ids.length);
}

async function everything(request: APIRequestContext, path: string, headers: Record<string, string>) {
  const response = await request.get(`${path}?limit=100`, { headers });
  expect(response.status()).toBe(200);
  const page = (await response.json()) as Page;
  expect(page.has_more).toBe(false);
  return page.data.map((item) => item.id);
}

/** Changes the customer `times` times: each change is an audit entry and a customer.updated event. */
async function rename(request: APIRequestContext, customerId: string, times: number) {
  for (let i = 0; i < times; i++) {
    const change = await request.patch(`/customers/${customerId}.json`, {
      headers: writeHeaders(),
      data: { company_name: `Renamed ${i}` },
    });
    expect(change.status()).toBe(200);
  }
}

const adminSession = async (baseURL: string) => {
  const state = await sessionOf(baseURL, "admin");
  return {
    cookie: state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; "),
    origin: baseURL,
  };
};

test.describe("lists by cursor", () => {
  test("GET /customers/{id}/payment_links.json walks five links two at a time, newest first", async ({
    request,
  }) => {
    const customer = await createCustomer(request);
    for (let i = 0; i < 5; i++) {
      const link = await request.get(`/customers/${customer.id}/payment_link.json`, {
        headers: writeHeaders(),
      });
      expect(link.status()).toBe(200);
    }
    const path = `/customers/${customer.id}/payment_links.json`;
    const { ids, pages } = await walk(request, path, 2, writeHeaders());
    expect(pages).toBe(3);
    expect(ids).toHaveLength(5);
    expectNewestFirst(ids);
    expect(ids).toEqual(await everything(request, path, writeHeaders()));
  });

  test("GET /customers/{id}/audit_trail.json walks every change three at a time, newest first", async ({
    request,
  }) => {
    const customer = await createCustomer(request);
    await rename(request, customer.id, 6);
    const path = `/customers/${customer.id}/audit_trail.json`;
    const { ids, pages } = await walk(request, path, 3, writeHeaders());
    expect(ids.length).toBeGreaterThanOrEqual(7);
    expect(pages).toBe(Math.ceil(ids.length / 3));
    expectNewestFirst(ids, true);
    expect(ids).toEqual(await everything(request, path, writeHeaders()));
  });

  test("GET /customers/{id}/webhook_deliveries.json walks the customer's deliveries two at a time", async ({
    request,
  }) => {
    const receiver = await startWebhookReceiver();
    const registered = await request.post("/webhook_endpoints.json", {
      headers: writeHeaders(),
      data: { url: receiver.url, enabled_events: ["customer.updated"] },
    });
    expect(registered.status()).toBe(201);
    const endpoint = (await registered.json()) as { id: string };
    try {
      const customer = await createCustomer(request);
      await rename(request, customer.id, 5);
      const path = `/customers/${customer.id}/webhook_deliveries.json`;
      const ours = async () => {
        const response = await request.get(`${path}?limit=100`, { headers: writeHeaders() });
        const page = (await response.json()) as { data: { id: string; endpoint_id: string }[] };
        return page.data
          .filter((delivery) => delivery.endpoint_id === endpoint.id)
          .map((delivery) => delivery.id);
      };
      // The outbox relay makes the deliveries after the change commits: wait until all five are there.
      await expect.poll(async () => (await ours()).length, { timeout: 30_000 }).toBe(5);
      const expected = await ours();
      const { ids, pages } = await walk(request, path, 2, writeHeaders());
      expect(pages).toBeGreaterThanOrEqual(3);
      expectNewestFirst(ids);
      expect(ids.filter((id) => expected.includes(id))).toEqual(expected);
    } finally {
      await request.delete(`/webhook_endpoints/${endpoint.id}.json`, { headers: writeHeaders() });
      await receiver.close();
    }
  });

  test("GET /staff_users.json and GET /api_keys.json walk to the end two at a time", async ({
    request,
    baseURL,
  }) => {
    const headers = await adminSession(baseURL ?? "");
    const run = `pages-${randomUUID().slice(0, 8)}`;
    const users: string[] = [];
    const keys: string[] = [];
    for (let i = 0; i < 3; i++) {
      const user = await request.post("/staff_users.json", {
        headers,
        data: { email: `${run}-${i}@e2e.donutwork.test`, password: `pw-${randomUUID()}`, role: "viewer" },
      });
      expect(user.status()).toBe(201);
      users.push(((await user.json()) as { id: string }).id);
      const key = await request.post("/api_keys.json", {
        headers,
        data: { name: `${run} ${i}`, scopes: ["read"] },
      });
      expect(key.status()).toBe(201);
      keys.push(((await key.json()) as { id: string }).id);
    }
    try {
      for (const [path, made] of [
        ["/staff_users.json", users],
        ["/api_keys.json", keys],
      ] as const) {
        const { ids, pages } = await walk(request, path, 2, headers);
        expect(pages).toBeGreaterThanOrEqual(2);
        expectNewestFirst(ids);
        expect(ids.filter((id) => made.includes(id))).toEqual([...made].reverse());
      }
    } finally {
      for (const key of keys) await request.delete(`/api_keys/${key}.json`, { headers });
    }
  });

  test("a cursor from another list, or not from a list at all, is a 422 naming `cursor`", async ({
    request,
  }) => {
    const customer = await createCustomer(request);
    const link = await request.get(`/customers/${customer.id}/payment_link.json`, {
      headers: writeHeaders(),
    });
    expect(link.status()).toBe(200);
    const linkCursor = Buffer.from(((await link.json()) as { id: string }).id).toString("base64url");
    for (const [path, cursor] of [
      [`/customers/${customer.id}/audit_trail.json`, linkCursor],
      [`/customers/${customer.id}/webhook_deliveries.json`, linkCursor],
      [`/customers/${customer.id}/payment_links.json`, Buffer.from("12345").toString("base64url")],
      [`/customers/${customer.id}/audit_trail.json`, Buffer.from("9".repeat(19)).toString("base64url")],
    ]) {
      const response = await request.get(`${path}?cursor=${cursor}`, { headers: writeHeaders() });
      expect(response.status(), path).toBe(422);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
      expect((await response.json()).errors).toEqual([
        { field: "cursor", message: "is not a cursor this list returned" },
      ]);
    }
  });
});
