import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { newCustomerBody } from "../../tests/support/customer-body";
import {
  type CustomerJson,
  expectProblem,
  postCustomer,
  rawJsonBody,
  readAuth,
  unknownCustomerId,
  writeAuth,
} from "../support/api-client";
import { expectMatchesOpenApi } from "../support/api-openapi";

interface ErrorCase {
  name: string;
  status: number;
  /** The path as the OpenAPI document names it. */
  path: string;
  method: "get" | "post" | "patch" | "delete" | "put";
  send: (request: APIRequestContext, customer: CustomerJson) => Promise<APIResponse>;
}

const CASES: ErrorCase[] = [
  {
    name: "no credentials",
    status: 401,
    path: "/customers.json",
    method: "get",
    send: (r) => r.get("/customers.json"),
  },
  {
    name: "read-only key writes",
    status: 403,
    path: "/customers.json",
    method: "post",
    send: (r) => r.post("/customers.json", { headers: readAuth(), data: newCustomerBody() }),
  },
  {
    name: "malformed JSON",
    status: 400,
    path: "/customers.json",
    method: "post",
    send: (r) => r.post("/customers.json", rawJsonBody("{")),
  },
  {
    name: "validation failure",
    status: 422,
    path: "/customers.json",
    method: "post",
    send: (r) => r.post("/customers.json", { headers: writeAuth(), data: { email: "x" } }),
  },
  {
    name: "taken external_id",
    status: 409,
    path: "/customers.json",
    method: "post",
    send: (r, c) =>
      r.post("/customers.json", {
        headers: writeAuth(),
        data: newCustomerBody({ external_id: c.external_id }),
      }),
  },
  {
    name: "body over 1 MB",
    status: 413,
    path: "/customers.json",
    method: "post",
    send: (r) =>
      r.post("/customers.json", {
        headers: writeAuth(),
        data: newCustomerBody({ company_name: "x".repeat(1_100_000) }),
      }),
  },
  {
    name: "bad limit",
    status: 422,
    path: "/customers.json",
    method: "get",
    send: (r) => r.get("/customers.json?limit=0", { headers: readAuth() }),
  },
  {
    name: "unknown customer",
    status: 404,
    path: "/customers/{id}.json",
    method: "get",
    send: (r) => r.get(`/customers/${unknownCustomerId()}.json`, { headers: readAuth() }),
  },
  {
    name: "PATCH validation failure",
    status: 422,
    path: "/customers/{id}.json",
    method: "patch",
    send: (r, c) => r.patch(`/customers/${c.id}.json`, { headers: writeAuth(), data: { status: "deleted" } }),
  },
  {
    name: "PATCH unknown customer",
    status: 404,
    path: "/customers/{id}.json",
    method: "patch",
    send: (r) => r.patch(`/customers/${unknownCustomerId()}.json`, { headers: writeAuth(), data: {} }),
  },
  {
    name: "DELETE unknown customer",
    status: 404,
    path: "/customers/{id}.json",
    method: "delete",
    send: (r) => r.delete(`/customers/${unknownCustomerId()}.json`, { headers: writeAuth() }),
  },
  {
    name: "DELETE with a read-only key",
    status: 403,
    path: "/customers/{id}.json",
    method: "delete",
    send: (r, c) => r.delete(`/customers/${c.id}.json`, { headers: readAuth() }),
  },
  {
    name: "PUT properties validation failure",
    status: 422,
    path: "/customers/{id}/properties.json",
    method: "put",
    send: (r, c) =>
      r.put(`/customers/${c.id}/properties.json`, {
        headers: writeAuth(),
        data: { properties: [{ key: "bad key!", value: null }] },
      }),
  },
  {
    name: "PUT properties malformed JSON",
    status: 400,
    path: "/customers/{id}/properties.json",
    method: "put",
    send: (r, c) => r.put(`/customers/${c.id}/properties.json`, rawJsonBody("[")),
  },
  {
    name: "payment link with a read-only key",
    status: 403,
    path: "/customers/{id}/payment_link.json",
    method: "get",
    send: (r, c) => r.get(`/customers/${c.id}/payment_link.json`, { headers: readAuth() }),
  },
  {
    name: "payment link for an unknown customer",
    status: 404,
    path: "/customers/{id}/payment_link.json",
    method: "get",
    send: (r) => r.get(`/customers/${unknownCustomerId()}/payment_link.json`, { headers: writeAuth() }),
  },
];

test.describe("Problem details (RFC 9457) on every error", () => {
  for (const errorCase of CASES) {
    test(`${errorCase.method.toUpperCase()} ${errorCase.path}: ${errorCase.name} → ${errorCase.status}`, async ({
      request,
    }) => {
      const customer = await postCustomer(request);
      const response = await errorCase.send(request, customer);
      const problem = await expectProblem(response, errorCase.status);
      expect(problem.type).toMatch(/^(\/|https?:\/\/|about:blank$)/);
      await expectMatchesOpenApi(request, response, errorCase.path, errorCase.method);
    });
  }

  test("a 422 lists every field as {field, message} with a non-empty message", async ({ request }) => {
    const response = await request.post("/customers.json", {
      headers: writeAuth(),
      data: { external_id: "", email: "x", address: { country: "Deutschland" }, extra: 1 },
    });
    const problem = await expectProblem(response, 422, ["external_id", "email", "address.country", "extra"]);
    for (const error of problem.errors ?? []) expect(error.message.length).toBeGreaterThan(0);
  });

  test("an unknown .json resource path is a 404 problem", async ({ request }) => {
    const customer = await postCustomer(request);
    for (const path of [
      `/customers/${customer.id}/nothing.json`,
      `/customers/${customer.id}/properties/x.json`,
    ]) {
      await expectProblem(await request.get(path, { headers: readAuth() }), 404);
    }
  });

  test("a method the resource does not have is a 405 problem", async ({ request }) => {
    const customer = await postCustomer(request);
    await expectProblem(
      await request.post(`/customers/${customer.id}.json`, { headers: writeAuth(), data: {} }),
      405,
    );
    await expectProblem(await request.delete("/customers.json", { headers: writeAuth() }), 405);
  });
});
