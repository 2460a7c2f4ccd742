import { expect, test } from "@playwright/test";
import { validate } from "@readme/openapi-parser";
import { newCustomerBody } from "../../tests/support/customer-body";
import { startWebhookReceiver } from "../../tests/support/webhook-receiver";
import { postCustomer, readAuth, writeAuth } from "../support/api-client";
import {
  exampleOf,
  expectMatchesOpenApi,
  fetchOpenApi,
  schemaValidator,
  validationErrors,
} from "../support/api-openapi";

const ENDPOINTS: [string, string][] = [
  ["/customers.json", "get"],
  ["/customers.json", "post"],
  ["/customers/{id}.json", "get"],
  ["/customers/{id}.json", "patch"],
  ["/customers/{id}.json", "delete"],
  ["/customers/{id}/properties.json", "put"],
  ["/customers/{id}/payment_link.json", "get"],
  ["/customers/{id}/payment_methods.json", "get"],
  ["/customers/{id}/payment_links.json", "get"],
  ["/customers/{id}/webhook_deliveries.json", "get"],
  ["/customers/{id}/audit_trail.json", "get"],
  ["/webhook_endpoints.json", "get"],
  ["/webhook_endpoints.json", "post"],
  ["/webhook_endpoints/{id}.json", "delete"],
];

test.describe("GET /openapi.json", () => {
  test("is a valid OpenAPI 3.1 document", async ({ request }) => {
    const response = await request.get("/openapi.json");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const document = await response.json();
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    const result = await validate(structuredClone(document));
    expect(result.valid, JSON.stringify(result)).toBe(true);
  });

  test("lists every customer endpoint, each with its success and error responses", async ({ request }) => {
    const document = await fetchOpenApi(request);
    for (const [path, method] of ENDPOINTS) {
      const operation = document.paths[path]?.[method];
      expect(operation, `${method.toUpperCase()} ${path}`).toBeDefined();
      const statuses = Object.keys(operation?.responses ?? {});
      expect(
        statuses.some((status) => status.startsWith("2")),
        `${method} ${path}`,
      ).toBe(true);
      expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(["401", "403"]));
    }
    expect(document.paths["/customers.json"]?.post?.responses).toHaveProperty("409");
    expect(document.paths["/customers.json"]?.post?.responses).toHaveProperty("422");
    expect(document.paths["/customers.json"]?.post?.responses).toHaveProperty("413");
  });

  test("every request body and every response of every operation has an example that fits its schema", async ({
    request,
  }) => {
    const document = await fetchOpenApi(request);
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(ENDPOINTS.length);
    const contents = operations.flatMap(({ name, operation }) => [
      ...Object.entries(operation.requestBody?.content ?? {}).map(([type, media]) => ({
        where: `${name} request ${type}`,
        schema: media.schema,
      })),
      ...Object.entries(operation.responses ?? {}).flatMap(([status, response]) =>
        Object.entries(response.content ?? {}).map(([type, media]) => ({
          where: `${name} ${status} ${type}`,
          schema: media.schema,
        })),
      ),
    ]);
    const problems = contents.flatMap(({ where, schema }) => {
      const example = exampleOf(document, schema);
      if (example === undefined) return [`${where}: no example`];
      const validate = schemaValidator(document, schema, `example ${where}`);
      return validate(example) ? [] : [`${where}: ${validationErrors(validate)}`];
    });
    expect(problems).toEqual([]);
  });

  test("real successful responses of every endpoint match the document", async ({ request }) => {
    const created = await request.post("/customers.json", { headers: writeAuth(), data: newCustomerBody() });
    expect(created.status()).toBe(201);
    await expectMatchesOpenApi(request, created, "/customers.json", "post");
    const { id } = await created.json();

    const put = await request.put(`/customers/${id}/properties.json`, {
      headers: writeAuth(),
      data: {
        properties: [
          { key: "tier", value: "gold" },
          { key: "seats", value: 3 },
          { key: "beta", value: true },
        ],
      },
    });
    await expectMatchesOpenApi(request, put, "/customers/{id}/properties.json", "put");

    const patched = await request.patch(`/customers/${id}.json`, {
      headers: writeAuth(),
      data: { company_name: null, address: { city: "Paris", country: "FR" } },
    });
    await expectMatchesOpenApi(request, patched, "/customers/{id}.json", "patch");

    const one = await request.get(`/customers/${id}.json`, { headers: readAuth() });
    await expectMatchesOpenApi(request, one, "/customers/{id}.json", "get");

    await postCustomer(request);
    const list = await request.get("/customers.json?limit=2", { headers: readAuth() });
    await expectMatchesOpenApi(request, list, "/customers.json", "get");

    const link = await request.get(`/customers/${id}/payment_link.json`, { headers: writeAuth() });
    await expectMatchesOpenApi(request, link, "/customers/{id}/payment_link.json", "get");

    for (const resource of ["payment_methods", "payment_links", "webhook_deliveries", "audit_trail"]) {
      const activity = await request.get(`/customers/${id}/${resource}.json`, { headers: readAuth() });
      await expectMatchesOpenApi(request, activity, `/customers/{id}/${resource}.json`, "get");
    }
    const trail = await (
      await request.get(`/customers/${id}/audit_trail.json`, { headers: readAuth() })
    ).json();
    expect(trail.data.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(["customer.created", "customer.updated"]),
    );

    const deleted = await request.delete(`/customers/${id}.json`, { headers: writeAuth() });
    await expectMatchesOpenApi(request, deleted, "/customers/{id}.json", "delete");
    const deletedList = await request.get("/customers.json?status=deleted&limit=1", { headers: readAuth() });
    await expectMatchesOpenApi(request, deletedList, "/customers.json", "get");
  });
});

test("real webhook endpoint responses match the document", async ({ request }) => {
  const receiver = await startWebhookReceiver();
  try {
    const created = await request.post("/webhook_endpoints.json", {
      headers: writeAuth(),
      data: { url: receiver.url, enabled_events: ["customer.created"], description: "OpenAPI check" },
    });
    expect(created.status()).toBe(201);
    await expectMatchesOpenApi(request, created, "/webhook_endpoints.json", "post");
    const { id } = await created.json();
    const list = await request.get("/webhook_endpoints.json", { headers: writeAuth() });
    await expectMatchesOpenApi(request, list, "/webhook_endpoints.json", "get");
    const deleted = await request.delete(`/webhook_endpoints/${id}.json`, { headers: writeAuth() });
    await expectMatchesOpenApi(request, deleted, "/webhook_endpoints/{id}.json", "delete");
  } finally {
    await receiver.close();
  }
});
