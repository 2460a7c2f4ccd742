import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { bearer } from "../support/api";
import { keys, postCustomer, writeAuth } from "../support/api-client";
import { queryDatabase } from "../support/api-database";
import { fetchOpenApi, type OpenApiDocument } from "../support/api-openapi";
import { type Role, sessionOf } from "../ui/support/sessions";

// The authorisation matrix: every operation of the served OpenAPI document (so a new endpoint is
// covered without touching this file) × every credential that must be refused, plus the
// admin-only and manage-only routes the document leaves out. Each refusal must be a problem
// document with the right status, and no refused request may change anything.

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const FOREIGN_ORIGIN = "https://evil.example";
const RUN = `authz-matrix-${randomUUID().slice(0, 8)}`;

interface Operation {
  method: string;
  path: string;
  mutating: boolean;
  requestSchema?: JsonSchema;
}
type JsonSchema = Record<string, unknown>;

/** GETs that create something (and so need the write permission) are mutations too. */
const CREATING_GETS = new Set(["/customers/{id}/payment_link.json"]);

function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method] as {
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      };
      return {
        method: method.toUpperCase(),
        path,
        mutating: method !== "get" || CREATING_GETS.has(path),
        requestSchema: operation.requestBody?.content?.["application/json"]?.schema,
      };
    }),
  );
}

/** A plausible valid value of a JSON schema, so that only the credentials are wrong. */
function exampleOf(schema: JsonSchema | undefined, name = ""): unknown {
  if (!schema) return undefined;
  if ("example" in schema) return schema.example;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) return exampleOf(variants.find((variant) => variant.type !== "null") ?? variants[0], name);
  switch (schema.type) {
    case "object":
      return Object.fromEntries(
        Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([key, member]) => [
          key,
          exampleOf(member, key),
        ]),
      );
    case "array":
      return [];
    case "integer":
    case "number":
      return Math.max(Number(schema.minimum ?? 1), 1);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      if (name === "external_id") return `${RUN}-${randomUUID()}`;
      if (name === "email" || schema.format === "email") return `${RUN}@acme.example`;
      if (name === "country") return "DE";
      if (name === "currency") return "EUR";
      if (name === "key") return "tier";
      return "matrix";
  }
}

type Credential = {
  name: string;
  status: 401 | 403;
  mutationsOnly: boolean;
  headers: () => Promise<Record<string, string>>;
};

const cookieHeader = async (baseURL: string, role: Role) => {
  const state = await sessionOf(baseURL, role);
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
};

function refusedCredentials(baseURL: string): Credential[] {
  const fixed = (headers: Record<string, string>) => async () => headers;
  return [
    { name: "no credentials", status: 401, mutationsOnly: false, headers: fixed({}) },
    {
      name: "a malformed key",
      status: 401,
      mutationsOnly: false,
      headers: fixed({ authorization: "Bearer not a key" }),
    },
    {
      name: "a Basic Authorization header",
      status: 401,
      mutationsOnly: false,
      headers: fixed({ authorization: "Basic dXNlcjpwYXNz" }),
    },
    {
      name: "an unknown dw_ key",
      status: 401,
      mutationsOnly: false,
      headers: fixed(bearer(`dw_${randomUUID().replaceAll("-", "")}${randomUUID().replaceAll("-", "")}`)),
    },
    {
      name: "the revoked key",
      status: 401,
      mutationsOnly: false,
      headers: async () => bearer(keys().revokedKey),
    },
    {
      name: "the read-only key",
      status: 403,
      mutationsOnly: true,
      headers: async () => bearer(keys().readKey),
    },
    {
      name: "a viewer session",
      status: 403,
      mutationsOnly: true,
      headers: async () => ({ cookie: await cookieHeader(baseURL, "viewer"), origin: baseURL }),
    },
    {
      name: "an admin session from a foreign Origin",
      status: 403,
      mutationsOnly: true,
      headers: async () => ({ cookie: await cookieHeader(baseURL, "admin"), origin: FOREIGN_ORIGIN }),
    },
    {
      name: "a finance session from a foreign Origin",
      status: 403,
      mutationsOnly: true,
      headers: async () => ({ cookie: await cookieHeader(baseURL, "finance"), origin: FOREIGN_ORIGIN }),
    },
    {
      name: "an admin session without an Origin",
      status: 403,
      mutationsOnly: true,
      headers: async () => ({ cookie: await cookieHeader(baseURL, "admin") }),
    },
  ];
}

interface Failure {
  request: string;
  credential: string;
  expected: number;
  actual: string;
}

/** Sends one request and returns what was wrong with the refusal, or null when it was right. */
async function refusal(
  request: APIRequestContext,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: unknown,
  expected: number,
): Promise<string | null> {
  const response = await request.fetch(url, {
    method,
    headers: {
      // Failed authentications are rate-limited per client address (TRUST_PROXY is on in the
      // test env): each case comes from its own address, so the limiter never answers first.
      "x-forwarded-for": `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`,
      ...headers,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { data: Buffer.from(JSON.stringify(body), "utf8") }),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const text = await response.text();
  const contentType = response.headers()["content-type"] ?? "";
  if (response.status() !== expected) return `${response.status()} ${contentType} ${text.slice(0, 300)}`;
  if (!/^application\/problem\+json/.test(contentType)) return `${response.status()} with ${contentType}`;
  try {
    const problem = JSON.parse(text) as { status?: unknown; title?: unknown; detail?: unknown };
    if (
      problem.status !== expected ||
      typeof problem.title !== "string" ||
      typeof problem.detail !== "string"
    )
      return `problem body ${text.slice(0, 300)}`;
  } catch {
    return `not JSON: ${text.slice(0, 300)}`;
  }
  return null;
}

/** Whatever a refused request could have changed, scoped to this spec's own fixtures. */
async function snapshot(ids: { customer: string; subscription: string; charge: string }) {
  const [customer] = await queryDatabase("select * from customers where id = $1", [ids.customer]);
  const [counts] = await queryDatabase(
    `select
       (select count(*) from customers where external_id like $1 || '%' or email like $1 || '%') as tagged_customers,
       (select count(*) from audit_records where entity_id = any($2)) as audit_records,
       (select count(*) from payment_links where customer_id = $3) as payment_links,
       (select count(*) from subscriptions where customer_id = $3) as subscriptions,
       (select count(*) from charges where customer_id = $3) as charges,
       (select count(*) from refunds where charge_id = $4) as refunds,
       (select count(*) from staff_users where email like $1 || '%') as tagged_staff,
       (select count(*) from api_keys where name like $1 || '%') as tagged_keys`,
    [RUN, [ids.customer, ids.subscription, ids.charge], ids.customer, ids.charge],
  );
  const [subscription] = await queryDatabase("select * from subscriptions where id = $1", [ids.subscription]);
  const [charge] = await queryDatabase("select * from charges where id = $1", [ids.charge]);
  return JSON.parse(JSON.stringify({ customer, subscription, charge, counts }));
}

const unknownId = (prefix: string) =>
  `${prefix}_00000000${randomUUID().replaceAll("-", "").slice(0, 18).toUpperCase()}`;

/** A real subscription or charge when any exists (other specs make them), else a well-formed unknown id. */
async function someId(table: "subscriptions" | "charges", prefix: string): Promise<string> {
  const [row] = await queryDatabase<{ id: string }>(`select id from ${table} order by id desc limit 1`);
  return row?.id ?? unknownId(prefix);
}

test.describe("Authorisation matrix", () => {
  test.describe.configure({ timeout: 120_000 });

  test("every OpenAPI operation refuses every bad credential, and nothing changes", async ({
    request,
    baseURL,
  }) => {
    const document = await fetchOpenApi(request);
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(0);
    const customer = await postCustomer(request);
    const ids = {
      customer: customer.id,
      subscription: await someId("subscriptions", "sub"),
      charge: await someId("charges", "ch"),
    };
    const fill = (path: string) =>
      path.replace(
        "{id}",
        path.startsWith("/subscriptions/")
          ? ids.subscription
          : path.startsWith("/charges/")
            ? ids.charge
            : ids.customer,
      );

    const before = await snapshot(ids);
    const failures: Failure[] = [];
    let cases = 0;
    for (const credential of refusedCredentials(baseURL ?? "")) {
      const headers = await credential.headers();
      for (const operation of operations) {
        if (credential.mutationsOnly && !operation.mutating) continue;
        const url = fill(operation.path);
        // Charges insist on an Idempotency-Key: send one, so that only the credential is wrong.
        const requestHeaders =
          operation.method === "POST" ? { ...headers, "idempotency-key": `${RUN}-${randomUUID()}` } : headers;
        cases++;
        const wrong = await refusal(
          request,
          operation.method,
          url,
          requestHeaders,
          exampleOf(operation.requestSchema),
          credential.status,
        );
        if (wrong)
          failures.push({
            request: `${operation.method} ${url}`,
            credential: credential.name,
            expected: credential.status,
            actual: wrong,
          });
      }
    }
    const after = await snapshot(ids);
    console.log(
      `authorisation matrix: ${cases} (operation × credential) cases over ${operations.length} OpenAPI operations, ${failures.length} wrong`,
    );
    expect(failures, JSON.stringify(failures, null, 2)).toEqual([]);
    expect(after, "a refused request changed something").toEqual(before);
  });

  test("admin-only and manage-only routes refuse API keys and lesser roles", async ({ request, baseURL }) => {
    const base = baseURL ?? "";
    const session = async (role: Role, origin = base) => ({ cookie: await cookieHeader(base, role), origin });
    const staffBody = { email: `${RUN}@e2e.donutwork.test`, password: `pw-${randomUUID()}`, role: "admin" };
    const keyBody = { name: `${RUN} key`, scopes: ["read", "write"] };
    const webhookBody = { url: `https://hooks.example/${RUN}`, enabled_events: ["*"] };
    // A real user for the refused PATCHes to aim at, so that one wrongly let through would show.
    const targetResponse = await request.post("/staff_users.json", {
      headers: await session("admin"),
      data: { email: `target-${RUN}@e2e.donutwork.test`, password: `pw-${randomUUID()}`, role: "viewer" },
    });
    expect(targetResponse.status()).toBe(201);
    const target = (await targetResponse.json()) as { id: string };
    const [targetBefore] = await queryDatabase("select * from staff_users where id = $1", [target.id]);
    const adminOnly = [
      { method: "GET", url: "/api_keys.json" },
      { method: "POST", url: "/api_keys.json", body: keyBody },
      { method: "DELETE", url: `/api_keys/${unknownId("key")}.json` },
      { method: "GET", url: "/staff_users.json" },
      { method: "POST", url: "/staff_users.json", body: staffBody },
      { method: "PATCH", url: `/staff_users/${target.id}.json`, body: { role: "admin", disabled: true } },
      { method: "PATCH", url: `/staff_users/${unknownId("usr")}.json`, body: { role: "admin" } },
    ];
    const manageOnly = [
      { method: "GET", url: "/webhook_endpoints.json" },
      { method: "POST", url: "/webhook_endpoints.json", body: webhookBody },
      { method: "DELETE", url: `/webhook_endpoints/${unknownId("we")}.json` },
    ];
    const credentialsFor = async (manage: boolean): Promise<[string, Record<string, string>, number][]> => [
      ["no credentials", {}, 401],
      ["the revoked key", bearer(keys().revokedKey), 401],
      ...(manage
        ? []
        : ([["the write key", writeAuth(), 403]] as [string, Record<string, string>, number][])),
      ["the read-only key", bearer(keys().readKey), 403],
      ["a finance session", await session("finance"), 403],
      ["a viewer session", await session("viewer"), 403],
    ];
    const [webhooksBefore] = await queryDatabase<{ n: string }>(
      "select count(*) as n from webhook_endpoints",
    );
    const [keysBefore] = await queryDatabase<{ n: string }>(
      "select count(*) as n from api_keys where revoked_at is null",
    );
    const failures: Failure[] = [];
    let cases = 0;
    for (const [routes, manage] of [
      [adminOnly, false],
      [manageOnly, true],
    ] as const) {
      for (const [name, headers, status] of await credentialsFor(manage)) {
        for (const route of routes) {
          cases++;
          const wrong = await refusal(
            request,
            route.method,
            route.url,
            headers,
            "body" in route ? route.body : undefined,
            status,
          );
          if (wrong)
            failures.push({
              request: `${route.method} ${route.url}`,
              credential: name,
              expected: status,
              actual: wrong,
            });
        }
      }
      // Even an admin is refused a write from a foreign Origin.
      for (const route of routes.filter((r) => r.method !== "GET")) {
        cases++;
        const wrong = await refusal(
          request,
          route.method,
          route.url,
          await session("admin", FOREIGN_ORIGIN),
          "body" in route ? route.body : undefined,
          403,
        );
        if (wrong)
          failures.push({
            request: `${route.method} ${route.url}`,
            credential: "admin, foreign Origin",
            expected: 403,
            actual: wrong,
          });
      }
    }
    console.log(`admin/manage routes: ${cases} (route × credential) cases, ${failures.length} wrong`);
    expect(failures, JSON.stringify(failures, null, 2)).toEqual([]);
    const tagged = await queryDatabase(
      "select (select count(*) from staff_users where email like $1 || '%') as staff, (select count(*) from api_keys where name like $1 || '%') as keys, (select count(*) from webhook_endpoints where url = $2) as webhooks",
      [RUN, webhookBody.url],
    );
    expect(tagged).toEqual([{ staff: "0", keys: "0", webhooks: "0" }]);
    const [targetAfter] = await queryDatabase("select * from staff_users where id = $1", [target.id]);
    expect(targetAfter, "a refused PATCH changed the staff user").toEqual(targetBefore);
    // Other specs may add endpoints and keys meanwhile, but none of the refused DELETEs removes one.
    const [webhooksAfter] = await queryDatabase<{ n: string }>("select count(*) as n from webhook_endpoints");
    const [keysAfter] = await queryDatabase<{ n: string }>(
      "select count(*) as n from api_keys where revoked_at is null",
    );
    expect(Number(webhooksAfter?.n)).toBeGreaterThanOrEqual(Number(webhooksBefore?.n));
    expect(Number(keysAfter?.n)).toBeGreaterThanOrEqual(Number(keysBefore?.n));
  });
});
