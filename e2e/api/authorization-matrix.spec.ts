import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { z } from "zod";
import { operations } from "../../lib/operations";
import { changesState, type OperationDefinition } from "../../lib/operations/define-operation";
import { bearer } from "../support/api";
import { keys, postCustomer, writeAuth } from "../support/api-client";
import { queryDatabase } from "../support/api-database";
import { type Role, sessionOf } from "../ui/support/sessions";

// The authorisation matrix: every operation the API defines (lib/operations: the public ones of
// the OpenAPI document and the internal ones of the staff pages, so a new endpoint is covered
// without touching this file) × every credential that must be refused it. What each credential
// may do is written here, from the contract (a read key and a viewer read; a write key also
// writes and manages webhook endpoints; finance writes; only an admin manages and administers;
// a cookie's change needs an Origin of ours), not taken from the code under test. Each refusal
// must be a problem document with the right status, and no refused request may change anything.

const FOREIGN_ORIGIN = "https://evil.example";
const RUN = `authz-matrix-${randomUUID().slice(0, 8)}`;

type JsonSchema = Record<string, unknown>;

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
    case "array": {
      const item = exampleOf(schema.items as JsonSchema | undefined, name);
      return item === undefined ? [] : [item];
    }
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
      if (name === "url") return `https://hooks.example/${RUN}`;
      // Tagged with the run, so that a refused create that got through would be counted.
      return RUN.padEnd(Number(schema.minLength ?? 0), "x");
  }
}

type Credential = {
  name: string;
  /** The status this credential must get for `operation`, or null where it has the right. */
  refusal: (operation: OperationDefinition) => 401 | 403 | null;
  headers: () => Promise<Record<string, string>>;
};

const cookieHeader = async (baseURL: string, role: Role) => {
  const state = await sessionOf(baseURL, role);
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
};

const always = (status: 401) => () => status;
/** Refused unless the operation only reads (a GET that creates is a write). */
const readsOnly = (operation: OperationDefinition) =>
  operation.permission !== "read" || changesState(operation) ? 403 : null;
/** A cookie from a foreign page (or none naming its page) may read, never change anything. */
const noChanges = (operation: OperationDefinition) => (changesState(operation) ? 403 : null);

function refusedCredentials(baseURL: string): Credential[] {
  const fixed = (headers: Record<string, string>) => async () => headers;
  const session = (role: Role, origin?: string) => async () => ({
    cookie: await cookieHeader(baseURL, role),
    ...(origin ? { origin } : {}),
  });
  return [
    { name: "no credentials", refusal: always(401), headers: fixed({}) },
    { name: "a malformed key", refusal: always(401), headers: fixed({ authorization: "Bearer not a key" }) },
    {
      name: "a Basic Authorization header",
      refusal: always(401),
      headers: fixed({ authorization: "Basic dXNlcjpwYXNz" }),
    },
    {
      name: "an unknown dw_ key",
      refusal: always(401),
      headers: fixed(bearer(`dw_${randomUUID().replaceAll("-", "")}${randomUUID().replaceAll("-", "")}`)),
    },
    { name: "the revoked key", refusal: always(401), headers: async () => bearer(keys().revokedKey) },
    { name: "the read-only key", refusal: readsOnly, headers: async () => bearer(keys().readKey) },
    {
      name: "the write key",
      refusal: (operation) => (operation.permission === "admin" ? 403 : null),
      headers: async () => writeAuth(),
    },
    { name: "a viewer session", refusal: readsOnly, headers: session("viewer", baseURL) },
    {
      name: "a finance session",
      refusal: (operation) =>
        operation.permission === "manage" || operation.permission === "admin" ? 403 : null,
      headers: session("finance", baseURL),
    },
    {
      name: "an admin session from a foreign Origin",
      refusal: noChanges,
      headers: session("admin", FOREIGN_ORIGIN),
    },
    {
      name: "a finance session from a foreign Origin",
      refusal: noChanges,
      headers: session("finance", FOREIGN_ORIGIN),
    },
    { name: "an admin session without an Origin", refusal: noChanges, headers: session("admin") },
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
async function someId(table: "subscriptions" | "charges" | "invoices", prefix: string): Promise<string> {
  const [row] = await queryDatabase<{ id: string }>(`select id from ${table} order by id desc limit 1`);
  return row?.id ?? unknownId(prefix);
}

test.describe("Authorisation matrix", () => {
  test.describe.configure({ timeout: 180_000 });

  test("every operation, public and internal, refuses every credential without the right, and nothing changes", async ({
    request,
    baseURL,
  }) => {
    const base = baseURL ?? "";
    expect(operations.filter((operation) => operation.public).length).toBeGreaterThan(0);
    expect(operations.filter((operation) => !operation.public).length).toBeGreaterThan(0);
    const customer = await postCustomer(request);
    // A real staff user for the refused PATCHes to aim at, so that one wrongly let through would show.
    const targetResponse = await request.post("/staff_users.json", {
      headers: { cookie: await cookieHeader(base, "admin"), origin: base },
      data: { email: `target-${RUN}@e2e.donutwork.test`, password: `pw-${randomUUID()}`, role: "viewer" },
    });
    expect(targetResponse.status()).toBe(201);
    const target = (await targetResponse.json()) as { id: string };
    const ids = {
      customer: customer.id,
      subscription: await someId("subscriptions", "sub"),
      charge: await someId("charges", "ch"),
      invoice: await someId("invoices", "in"),
    };
    const idFor: [string, () => string][] = [
      ["/subscriptions/", () => ids.subscription],
      ["/charges/", () => ids.charge],
      ["/invoices/", () => ids.invoice],
      ["/customers/", () => ids.customer],
      ["/staff_users/", () => target.id],
      ["/api_keys/", () => unknownId("key")],
      ["/webhook_endpoints/", () => unknownId("we")],
    ];
    const fill = (path: string) => {
      const id = idFor.find(([prefix]) => path.startsWith(prefix))?.[1];
      if (path.includes("{id}") && !id) throw new Error(`the matrix has no id for ${path}`);
      return id ? path.replace("{id}", id()) : path;
    };
    const bodyOf = (operation: OperationDefinition) =>
      operation.body
        ? exampleOf(
            z.toJSONSchema(operation.body.schema, { io: "input", unrepresentable: "any" }) as JsonSchema,
          )
        : undefined;

    const before = await snapshot(ids);
    const [targetBefore] = await queryDatabase("select * from staff_users where id = $1", [target.id]);
    const [live] = await queryDatabase<{ webhooks: string; keys: string }>(
      "select (select count(*) from webhook_endpoints where deleted_at is null) as webhooks, (select count(*) from api_keys where revoked_at is null) as keys",
    );
    const failures: Failure[] = [];
    let cases = 0;
    for (const credential of refusedCredentials(base)) {
      const headers = await credential.headers();
      for (const operation of operations) {
        const expected = credential.refusal(operation);
        if (expected === null) continue;
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
          bodyOf(operation),
          expected,
        );
        if (wrong)
          failures.push({
            request: `${operation.method} ${url}`,
            credential: credential.name,
            expected,
            actual: wrong,
          });
      }
    }
    const after = await snapshot(ids);
    console.log(
      `authorisation matrix: ${cases} (operation × credential) cases over ${operations.length} operations, ${failures.length} wrong`,
    );
    expect(failures, JSON.stringify(failures, null, 2)).toEqual([]);
    expect(after, "a refused request changed something").toEqual(before);
    const [targetAfter] = await queryDatabase("select * from staff_users where id = $1", [target.id]);
    expect(targetAfter, "a refused PATCH changed the staff user").toEqual(targetBefore);
    const [tagged] = await queryDatabase(
      "select count(*) as webhooks from webhook_endpoints where url like '%' || $1 || '%'",
      [RUN],
    );
    expect(tagged).toEqual({ webhooks: "0" });
    // Other specs may add endpoints and keys meanwhile, but none of the refused DELETEs removes one.
    const [liveAfter] = await queryDatabase<{ webhooks: string; keys: string }>(
      "select (select count(*) from webhook_endpoints where deleted_at is null) as webhooks, (select count(*) from api_keys where revoked_at is null) as keys",
    );
    expect(Number(liveAfter?.webhooks)).toBeGreaterThanOrEqual(Number(live?.webhooks));
    expect(Number(liveAfter?.keys)).toBeGreaterThanOrEqual(Number(live?.keys));
  });
});
