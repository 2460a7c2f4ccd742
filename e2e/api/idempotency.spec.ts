import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { newCustomerBody } from "../../tests/support/customer-body";
import { bearer } from "../support/api";
import { expectProblem, writeAuth } from "../support/api-client";
import { donutwork, lastLine } from "../support/cli";

const postWithKey = (
  request: APIRequestContext,
  key: string,
  data: object,
  auth: Record<string, string> = writeAuth(),
) => request.post("/customers.json", { headers: { ...auth, "idempotency-key": key }, data });

async function customersWithExternalId(request: APIRequestContext, externalId: string) {
  const response = await request.get(`/customers.json?external_id=${encodeURIComponent(externalId)}`, {
    headers: writeAuth(),
  });
  return ((await response.json()) as { data: { id: string }[] }).data;
}

test.describe("POST /customers.json with Idempotency-Key", () => {
  test("a retry with the same key and body replays the first response and writes nothing", async ({
    request,
  }) => {
    const key = randomUUID();
    const body = newCustomerBody();
    const first = await postWithKey(request, key, body);
    expect(first.status()).toBe(201);
    const firstText = await first.text();
    for (let i = 0; i < 3; i++) {
      const retry = await postWithKey(request, key, body);
      expect(retry.status()).toBe(201);
      expect(await retry.text()).toBe(firstText);
    }
    expect(await customersWithExternalId(request, body.external_id)).toHaveLength(1);
  });

  test("a failed first request is replayed too (same status and body)", async ({ request }) => {
    const key = randomUUID();
    const body = { ...newCustomerBody(), email: "not-an-email" };
    const first = await postWithKey(request, key, body);
    await expectProblem(first, 422, ["email"]);
    const retry = await postWithKey(request, key, body);
    expect(retry.status()).toBe(422);
    expect(await retry.text()).toBe(await first.text());
  });

  test("the same key with another body is a 422, and the other body is not stored", async ({ request }) => {
    const key = randomUUID();
    const body = newCustomerBody();
    expect((await postWithKey(request, key, body)).status()).toBe(201);
    const other = newCustomerBody();
    await expectProblem(await postWithKey(request, key, other), 422);
    expect(await customersWithExternalId(request, other.external_id)).toHaveLength(0);
  });

  test("the fingerprint holds the path the client sent: the same key and body on /api/customers is another request", async ({
    request,
  }) => {
    // The front door routes /customers.json to the handler at /api/customers (lib/http/api-paths.ts);
    // the handler must still see, and fingerprint, the public path and query.
    const key = randomUUID();
    const body = newCustomerBody();
    const first = await request.post("/customers.json?source=spec", {
      headers: { ...writeAuth(), "idempotency-key": key },
      data: body,
    });
    expect(first.status()).toBe(201);
    const sameRequest = await request.post("/customers.json?source=spec", {
      headers: { ...writeAuth(), "idempotency-key": key },
      data: body,
    });
    expect(sameRequest.status()).toBe(201);
    expect(await sameRequest.text()).toBe(await first.text());
    for (const path of ["/api/customers?source=spec", "/customers.json?source=other"]) {
      const other = await request.post(path, {
        headers: { ...writeAuth(), "idempotency-key": key },
        data: body,
      });
      expect((await expectProblem(other, 422)).type).toBe("/problems/idempotency-key-reused");
    }
    // A client cannot pass another path off as the one it sent.
    const spoofed = await request.post("/api/customers?source=spec", {
      headers: {
        ...writeAuth(),
        "idempotency-key": key,
        "x-donutwork-public-url": "/customers.json?source=spec",
      },
      data: body,
    });
    expect((await expectProblem(spoofed, 422)).type).toBe("/problems/idempotency-key-reused");
    expect(await customersWithExternalId(request, body.external_id)).toHaveLength(1);
  });

  test("10 concurrent requests with one key: one customer; each answer is the replay or a 409", async ({
    request,
  }) => {
    const key = randomUUID();
    const body = newCustomerBody();
    const responses = await Promise.all(Array.from({ length: 10 }, () => postWithKey(request, key, body)));
    const created = responses.filter((response) => response.status() === 201);
    const running = responses.filter((response) => response.status() === 409);
    expect(created.length + running.length, responses.map((r) => r.status()).join(",")).toBe(10);
    expect(created.length).toBeGreaterThanOrEqual(1);
    const bodies = new Set(await Promise.all(created.map((response) => response.text())));
    expect(bodies.size).toBe(1);
    for (const response of running) {
      const problem = await expectProblem(response, 409);
      expect(problem.existing_id).toBeUndefined(); // "still running", not "external_id taken"
      expect(problem.detail).toMatch(/still|running|processed|progress/i);
    }
    const stored = await customersWithExternalId(request, body.external_id);
    expect(stored).toHaveLength(1);
    expect(JSON.parse([...bodies][0] ?? "{}").id).toBe(stored[0]?.id);
    // Once the first has finished, a retry is the replay.
    const retry = await postWithKey(request, key, body);
    expect(retry.status()).toBe(201);
    expect(await retry.text()).toBe([...bodies][0]);
  });

  test("a key over 255 characters is a 422 and creates nothing; 255 is fine", async ({ request }) => {
    const body = newCustomerBody();
    await expectProblem(await postWithKey(request, "k".repeat(256), body), 422);
    expect(await customersWithExternalId(request, body.external_id)).toHaveLength(0);
    const ok = await postWithKey(request, `${randomUUID()}`.padEnd(255, "k"), body);
    expect(ok.status()).toBe(201);
  });

  test("keys are per caller: the same key from another API key is independent", async ({ request }) => {
    test.setTimeout(60_000);
    const otherKey = lastLine(
      donutwork(
        "api-key",
        "create",
        "--name",
        `e2e idempotency ${randomUUID().slice(0, 8)}`,
        "--scopes",
        "read,write",
      ),
    );
    expect(otherKey).toMatch(/^dw_/);
    const key = randomUUID();
    const mine = newCustomerBody();
    const theirs = newCustomerBody();
    const first = await postWithKey(request, key, mine);
    expect(first.status()).toBe(201);
    // Another caller, same key, another body: not a 422, its own request.
    const second = await postWithKey(request, key, theirs, bearer(otherKey));
    expect(second.status()).toBe(201);
    const secondCustomer = await second.json();
    expect(secondCustomer.external_id).toBe(theirs.external_id);
    // Same key and body from two callers: the second runs afresh (a 409 for the taken
    // external_id), it is not handed the first caller's stored 201.
    const sharedKey = randomUUID();
    const shared = newCustomerBody();
    const byOther = await postWithKey(request, sharedKey, shared, bearer(otherKey));
    expect(byOther.status()).toBe(201);
    const byMe = await postWithKey(request, sharedKey, shared);
    const problem = await expectProblem(byMe, 409);
    expect(problem.existing_id).toBe((await byOther.json()).id);
    expect(await customersWithExternalId(request, mine.external_id)).toHaveLength(1);
    expect(await customersWithExternalId(request, theirs.external_id)).toHaveLength(1);
  });
});
