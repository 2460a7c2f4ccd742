import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import fc from "fast-check";
import { numberSetting } from "../../tests/support/environment";
import {
  badInputs,
  validCustomerBody,
  validCustomerPatch,
  validProperties,
} from "../support/api-arbitraries";
import { postCustomer, rawJsonBody, writeAuth } from "../support/api-client";
import { invalidCustomerRows } from "../support/api-customer-rows";
import { fetchOpenApi, responseValidator } from "../support/api-openapi";

// Property-based: whatever JSON arrives, the API answers with a 2xx that matches the OpenAPI
// document or a 4xx problem, never a 5xx, and never stores an invalid customer.
const NUM_RUNS = numberSetting("SWEEP_RUNS", 200);
// Bounds each property, shrinking included, so the sweep stays well under a minute.
const TIME_LIMIT_MS = 20_000;

async function send(
  request: APIRequestContext,
  method: "POST" | "PATCH" | "PUT",
  url: string,
  body: unknown,
) {
  return request.fetch(url, {
    method,
    ...rawJsonBody(JSON.stringify(body) ?? "null"),
    timeout: 20_000,
  });
}

async function checkAnswer(
  request: APIRequestContext,
  response: APIResponse,
  path: string,
  method: string,
  body: unknown,
) {
  const status = response.status();
  const text = await response.text();
  const sent = (JSON.stringify(body) ?? "").slice(0, 300);
  expect(status, `${method} ${path} answered ${status} to ${sent}\n${text.slice(0, 500)}`).toBeLessThan(500);
  if (status >= 400) {
    expect(response.headers()["content-type"], `${status} to ${sent}`).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(text);
    expect(problem.status).toBe(status);
    expect(typeof problem.title === "string" && typeof problem.detail === "string").toBe(true);
  } else {
    const { validate } = responseValidator(await fetchOpenApi(request), path, method.toLowerCase(), status);
    expect(validate(JSON.parse(text)), `${status} body off-schema for ${sent}: ${text.slice(0, 500)}`).toBe(
      true,
    );
  }
}

async function expectNoInvalidRows() {
  expect(await invalidCustomerRows()).toEqual([]);
}

test.describe("Bad-input sweep (fast-check)", () => {
  test.describe.configure({ timeout: 120_000 });

  test("POST /customers.json: never a 5xx, problems or schema-valid customers, no invalid row", async ({
    request,
  }) => {
    await fc.assert(
      fc.asyncProperty(badInputs(validCustomerBody), async (body) => {
        const response = await send(request, "POST", "/customers.json", body);
        await checkAnswer(request, response, "/customers.json", "POST", body);
      }),
      { numRuns: NUM_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    await expectNoInvalidRows();
  });

  test("PATCH /customers/{id}.json: never a 5xx, problems or schema-valid customers, no invalid row", async ({
    request,
  }) => {
    const customer = await postCustomer(request);
    await fc.assert(
      fc.asyncProperty(badInputs(validCustomerPatch), async (body) => {
        const response = await send(request, "PATCH", `/customers/${customer.id}.json`, body);
        await checkAnswer(request, response, "/customers/{id}.json", "PATCH", body);
      }),
      { numRuns: NUM_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    await expectNoInvalidRows();
  });

  test("PUT /customers/{id}/properties.json: never a 5xx, problems or schema-valid customers, no invalid row", async ({
    request,
  }) => {
    const customer = await postCustomer(request);
    await fc.assert(
      fc.asyncProperty(badInputs(validProperties), async (body) => {
        const response = await send(request, "PUT", `/customers/${customer.id}/properties.json`, body);
        await checkAnswer(request, response, "/customers/{id}/properties.json", "PUT", body);
      }),
      { numRuns: NUM_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    await expectNoInvalidRows();
  });

  test("PUT /customers/{id}/properties.json: any valid set is accepted and stored exactly", async ({
    request,
  }) => {
    const customer = await postCustomer(request);
    await fc.assert(
      fc.asyncProperty(validProperties, async (body) => {
        const response = await send(request, "PUT", `/customers/${customer.id}/properties.json`, body);
        expect(response.status(), `${JSON.stringify(body).slice(0, 300)}\n${await response.text()}`).toBe(
          200,
        );
        const stored = await request.get(`/customers/${customer.id}.json`, { headers: writeAuth() });
        expect((await stored.json()).properties).toEqual(JSON.parse(JSON.stringify(body.properties)));
      }),
      { numRuns: Math.ceil(NUM_RUNS / 2), interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });
});
