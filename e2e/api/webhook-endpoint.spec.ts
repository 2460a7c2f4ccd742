import { expect, test } from "@playwright/test";
import { writeHeaders } from "../support/api";
import { expectProblem } from "../support/api-client";
import { expectMatchesOpenApi } from "../support/api-openapi";

test.describe("GET /webhook_endpoints/{id}.json", () => {
  test("answers the live endpoint without its secret, as the document says; once deleted, 404", async ({
    request,
  }) => {
    const url = `https://hooks.example/get-one-${Date.now()}`;
    const registered = await request.post("/webhook_endpoints.json", {
      headers: writeHeaders(),
      data: { url, enabled_events: ["customer.created"], description: "one" },
    });
    expect(registered.status()).toBe(201);
    const { secret, ...endpoint } = (await registered.json()) as { id: string; secret: string };

    const one = await request.get(`/webhook_endpoints/${endpoint.id}.json`, { headers: writeHeaders() });
    expect(one.status()).toBe(200);
    const text = await one.text();
    expect(JSON.parse(text)).toEqual(endpoint);
    expect(text).not.toContain(secret);
    await expectMatchesOpenApi(request, one, "/webhook_endpoints/{id}.json", "get");

    const deleted = await request.delete(`/webhook_endpoints/${endpoint.id}.json`, {
      headers: writeHeaders(),
    });
    expect(deleted.status()).toBe(200);
    const gone = await request.get(`/webhook_endpoints/${endpoint.id}.json`, { headers: writeHeaders() });
    const problem = await expectProblem(gone, 404);
    expect(JSON.stringify(problem)).not.toContain(url);
  });
});
