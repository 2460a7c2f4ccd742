import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import fc from "fast-check";
import { publicOperations } from "../../lib/operations";
import { numberSetting } from "../../tests/support/environment";
import { junkString, junkValue, mutated } from "../support/api-arbitraries";
import { postCustomer, writeAuth } from "../support/api-client";
import { invalidCustomerRows } from "../support/api-customer-rows";
import { queryDatabase } from "../support/api-database";
import { fetchOpenApi, type OpenApiDocument, responseValidator } from "../support/api-openapi";

// A property-based fuzz run of every public operation (lib/operations) with a valid write
// key: bodies generated from the request schema (valid, then mutated), random query parameters
// from the declared ones, random path ids. Whatever arrives, the API must answer a 2xx or a 4xx
// problem document whose `status` is the HTTP status, never a 5xx, and store no invalid customer.

const TOTAL_REQUESTS = numberSetting("FUZZ_REQUESTS", 10_500);
// The total is spread over the operations; each gets at least this many, however many there are.
const MIN_PER_OPERATION = 300;
const CONCURRENCY = 16;
const SEED = numberSetting("FUZZ_SEED", Date.now() % 2 ** 31);
const RUN = `fuzz-${randomUUID().slice(0, 8)}`;

type JsonSchema = Record<string, unknown>;
interface Parameter {
  in: "path" | "query" | "header";
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}
interface FuzzRequest {
  method: string;
  path: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * The public operations (lib/operations, the list the authorisation matrix walks too), each with
 * its parameters and body schema as the served document spells them, which the arbitraries read.
 */
function operationsOf(document: OpenApiDocument): Operation[] {
  return publicOperations.map((definition) => {
    const operation = document.paths[definition.path]?.[definition.method.toLowerCase()] as
      | { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }
      | undefined;
    if (!operation) throw new Error(`/openapi.json lacks ${definition.method} ${definition.path}`);
    return {
      method: definition.method,
      path: definition.path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content?.["application/json"]?.schema,
    };
  });
}

// --- A small JSON Schema → fast-check mapper (the subset zod-openapi emits). ---

const COUNTRIES = fc.constantFrom("DE", "US", "FR", "JP", "BR", "ZA", "GB");
const CURRENCIES = fc.constantFrom("EUR", "USD", "GBP", "JPY");

function patternArb(pattern: string, maxLength: number): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern)).filter((text) => text.length <= maxLength);
  } catch {
    return undefined;
  }
}

function stringArb(schema: JsonSchema, name: string): fc.Arbitrary<string> {
  const minLength = Number(schema.minLength ?? 0);
  const maxLength = Number(schema.maxLength ?? 120);
  if (name === "country") return COUNTRIES;
  if (name === "currency") return CURRENCIES;
  if (name === "external_id") return fc.uuid().map((id) => `${RUN}-${id}`);
  if (schema.format === "email" || name === "email")
    return fc.oneof(
      fc.uuid().map((id) => `${RUN}+${id.slice(0, 8)}@acme.example`),
      fc.emailAddress({ size: "small" }).filter((email) => email.length <= maxLength),
    );
  if (schema.format === "uri")
    return fc.oneof(fc.webUrl(), fc.constant("http://localhost/return"), fc.constant("javascript:alert(1)"));
  if (typeof schema.pattern === "string") {
    const matching = patternArb(schema.pattern, maxLength);
    if (matching) return matching;
  }
  return fc.oneof(
    fc.string({ minLength: Math.max(minLength, 1), maxLength: Math.min(maxLength, 60) }),
    fc.string({ unit: "grapheme", minLength, maxLength: Math.min(maxLength, 40) }),
    fc.constant("x".repeat(Math.max(minLength, maxLength))),
  );
}

function numberArb(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = typeof schema.minimum === "number" ? schema.minimum : -1_000_000;
  const max = typeof schema.maximum === "number" ? schema.maximum : 1_000_000;
  if (integer)
    return fc.oneof(
      { arbitrary: fc.integer({ min, max }), weight: 5 },
      { arbitrary: fc.constantFrom(min, max, min - 1, max + 1), weight: 1 },
    );
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Valid-ish values of a schema: valid by construction, with edge values at the bounds. */
function schemaArb(schema: JsonSchema | undefined, name = ""): fc.Arbitrary<unknown> {
  if (!schema) return junkValue;
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) return fc.oneof(...variants.map((variant) => schemaArb(variant, name)));
  switch (schema.type) {
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required ?? []) as string[];
      return fc.record(
        Object.fromEntries(Object.entries(properties).map(([key, member]) => [key, schemaArb(member, key)])),
        { requiredKeys: required.filter((key) => key in properties) },
      );
    }
    case "array": {
      const items = (schema.items ?? {}) as JsonSchema;
      const maxLength = Number(schema.maxItems ?? 5);
      return fc.array(schemaArb(items), { maxLength: Math.min(maxLength, 8) });
    }
    case "integer":
      return numberArb(schema, true);
    case "number":
      return numberArb(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "string":
      return stringArb(schema, name);
    default:
      return junkValue;
  }
}

const MALFORMED_JSON = fc.constantFrom(
  "",
  "{",
  '{"a":',
  "nul",
  "[1,2",
  "{'a':1}",
  "\u0000",
  '{"a":1}}',
  "NaN",
);

/** The raw text of a body: mostly the schema's values, often mutated, sometimes not JSON at all. */
function bodyArb(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const valid = schemaArb(schema ?? { type: "object", properties: {} });
  return fc.oneof(
    { arbitrary: valid.map((value) => JSON.stringify(value)), weight: 4 },
    { arbitrary: valid.chain(mutated).map((value) => JSON.stringify(value) ?? "null"), weight: 4 },
    {
      arbitrary: valid
        .chain(mutated)
        .chain(mutated)
        .map((value) => JSON.stringify(value) ?? "null"),
      weight: 2,
    },
    { arbitrary: junkValue.map((value) => JSON.stringify(value) ?? "null"), weight: 1 },
    { arbitrary: MALFORMED_JSON, weight: 1 },
  );
}

/** Short junk for URLs (a megabyte in a URL is the HTTP server's business, not the API's). */
const shortJunk = fc.oneof(
  junkString.filter((text) => text.length <= 300),
  fc.string({ maxLength: 30 }),
  fc.constantFrom("", "-1", "0", "1e309", "null", "true", "[]", "%", "..", "../admin", "a b"),
);

/**
 * A generated value as query parameters: objects (deepObject, `properties[key][gte]`) and lists
 * (`include[]`) in brackets, as the API reads them; anything else as its text.
 */
function appendParameter(search: URLSearchParams, name: string, value: unknown): void {
  if (Array.isArray(value)) for (const item of value) appendParameter(search, `${name}[]`, item);
  else if (value !== null && typeof value === "object")
    for (const [key, inner] of Object.entries(value)) appendParameter(search, `${name}[${key}]`, inner);
  else search.append(name, String(value));
}

function queryArb(parameters: Parameter[]): fc.Arbitrary<string> {
  const declared = parameters.filter((parameter) => parameter.in === "query");
  const pairs = declared.map((parameter) =>
    fc.option(
      fc.oneof(
        { arbitrary: schemaArb(parameter.schema, parameter.name), weight: 3 },
        { arbitrary: shortJunk, weight: 1 },
      ),
      { nil: undefined, freq: 2 },
    ),
  );
  return fc
    .tuple(
      fc.tuple(...pairs),
      fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 7 },
        { arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), shortJunk), weight: 1 },
      ),
    )
    .map(([values, unknown]) => {
      const search = new URLSearchParams();
      values.forEach((value, i) => {
        const parameter = declared[i];
        if (value !== undefined && parameter) appendParameter(search, parameter.name, value);
      });
      if (unknown) search.append(unknown[0], unknown[1]);
      const text = search.toString();
      return text ? `?${text}` : "";
    });
}

const unknownId = (prefix: string) =>
  fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/).map((ulid) => `${prefix}_00000${ulid.slice(5)}`);

function safeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.toWellFormed());
  }
}

/** Path ids: real ones (mostly), well-formed unknown ones, another type's ids, junk. */
function pathIdArb(path: string, real: Record<"customer" | "subscription" | "charge", string[]>) {
  const kind = path.startsWith("/subscriptions/")
    ? "subscription"
    : path.startsWith("/charges/")
      ? "charge"
      : "customer";
  const prefix = { customer: "cus", subscription: "sub", charge: "ch" }[kind];
  const known = real[kind];
  return fc.oneof(
    ...(known.length > 0 ? [{ arbitrary: fc.constantFrom(...known), weight: 5 }] : []),
    { arbitrary: unknownId(prefix), weight: 2 },
    { arbitrary: fc.constantFrom("cus", "sub", "ch", "pl", "key").chain(unknownId), weight: 1 },
    // "." and ".." are dot segments (also percent-encoded, per the URL standard): the URL itself
    // then names another resource (/customers/../metrics.json is /metrics.json), not a bad id.
    { arbitrary: shortJunk.filter((text) => text !== "." && text !== "..").map(safeSegment), weight: 2 },
  );
}

const idempotencyKeyArb = fc.oneof(
  { arbitrary: fc.uuid().map((id) => `${RUN}-${id}`), weight: 6 },
  { arbitrary: fc.constant(undefined), weight: 2 },
  { arbitrary: fc.constantFrom("", " ", "x".repeat(255), "x".repeat(256)), weight: 1 },
  { arbitrary: fc.stringMatching(/^[!-~]{1,40}$/), weight: 1 },
);

function requestArb(operation: Operation, real: Record<"customer" | "subscription" | "charge", string[]>) {
  const hasPathId = operation.parameters.some((parameter) => parameter.in === "path");
  const hasBody = ["POST", "PUT", "PATCH"].includes(operation.method);
  const takesIdempotencyKey = operation.parameters.some(
    (parameter) => parameter.in === "header" && parameter.name.toLowerCase() === "idempotency-key",
  );
  return fc
    .record({
      id: hasPathId ? pathIdArb(operation.path, real) : fc.constant(""),
      query: queryArb(operation.parameters),
      body: hasBody ? bodyArb(operation.body) : fc.constant(undefined),
      idempotencyKey: takesIdempotencyKey || hasBody ? idempotencyKeyArb : fc.constant(undefined),
    })
    .map(({ id, query, body, idempotencyKey }): FuzzRequest => {
      const headers: Record<string, string> = { ...writeAuth() };
      if (body !== undefined) headers["content-type"] = "application/json";
      if (idempotencyKey !== undefined) headers["idempotency-key"] = idempotencyKey;
      return {
        method: operation.method,
        path: operation.path,
        url: `${operation.path.replace("{id}", id)}${query}`,
        headers,
        body,
      };
    });
}

async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item);
      }
    }),
  );
}

const summary = (request: FuzzRequest) =>
  `${request.method} ${request.url.slice(0, 300)} idempotency-key=${JSON.stringify(request.headers["idempotency-key"]?.slice(0, 40))} body=${(request.body ?? "").slice(0, 300)}`;

async function realIds(request: APIRequestContext) {
  const customers: string[] = [];
  for (let i = 0; i < 16; i++) customers.push((await postCustomer(request)).id);
  const rows = async (table: string) =>
    (await queryDatabase<{ id: string }>(`select id from ${table} order by id desc limit 5`)).map(
      (row) => row.id,
    );
  return { customer: customers, subscription: await rows("subscriptions"), charge: await rows("charges") };
}

test.describe("OpenAPI fuzz (fast-check)", () => {
  // ~50 requests/s on a two-core CI machine beside the other specs: 10,500 take about 210 s.
  test.setTimeout(420_000);

  test("every operation, ≥ 10,000 requests: no 5xx, 4xx are problems, no invalid row stored", async ({
    request,
  }) => {
    const document = await fetchOpenApi(request);
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(0);
    const real = await realIds(request);
    const perOperation = Math.max(MIN_PER_OPERATION, Math.ceil(TOTAL_REQUESTS / operations.length));
    console.log(
      `fuzz: seed ${SEED}, ${operations.length} operations × ${perOperation} requests, concurrency ${CONCURRENCY}`,
    );

    const requests = operations.flatMap((operation, i) =>
      fc.sample(requestArb(operation, real), { numRuns: perOperation, seed: SEED + i }),
    );
    // Interleave operations, so that deletes and creates race reads and updates of the same ids.
    const shuffled = fc.sample(fc.shuffledSubarray(requests, { minLength: requests.length }), {
      numRuns: 1,
      seed: SEED,
    })[0] as FuzzRequest[];

    const histogram = new Map<number, number>();
    const perOperationHistogram = new Map<string, Map<number, number>>();
    const serverErrors: string[] = [];
    const badProblems: string[] = [];
    const offSchema: string[] = [];
    const transport: string[] = [];
    const started = Date.now();

    await inParallel(shuffled, CONCURRENCY, async (fuzz) => {
      let status: number;
      let text: string;
      let contentType: string;
      try {
        const response = await request.fetch(fuzz.url, {
          method: fuzz.method,
          headers: fuzz.headers,
          ...(fuzz.body !== undefined ? { data: Buffer.from(fuzz.body, "utf8") } : {}),
          maxRedirects: 0,
          failOnStatusCode: false,
          timeout: 30_000,
        });
        status = response.status();
        text = await response.text();
        contentType = response.headers()["content-type"] ?? "";
      } catch (error) {
        transport.push(`${summary(fuzz)} → ${(error as Error).message.split("\n")[0]}`);
        return;
      }
      histogram.set(status, (histogram.get(status) ?? 0) + 1);
      const key = `${fuzz.method} ${fuzz.path}`;
      const byStatus = perOperationHistogram.get(key) ?? new Map<number, number>();
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      perOperationHistogram.set(key, byStatus);
      if (status >= 500) {
        serverErrors.push(`${summary(fuzz)}\n  → ${status} ${text.slice(0, 300)}`);
      } else if (status >= 400) {
        let problemStatus: unknown;
        try {
          problemStatus = (JSON.parse(text) as { status?: unknown }).status;
        } catch {
          problemStatus = "not JSON";
        }
        if (!/^application\/problem\+json/.test(contentType) || problemStatus !== status)
          badProblems.push(`${summary(fuzz)}\n  → ${status} ${contentType} ${text.slice(0, 300)}`);
      } else if (status < 300) {
        try {
          const { validate, mediaType } = responseValidator(
            document,
            fuzz.path,
            fuzz.method.toLowerCase(),
            status,
          );
          // The CSV export answers text its document describes as a string; the rest JSON.
          if (!contentType.startsWith(mediaType))
            offSchema.push(`${summary(fuzz)}\n  → ${status} with ${contentType}, documented ${mediaType}`);
          if (!validate(mediaType === "application/json" ? JSON.parse(text) : text))
            offSchema.push(
              `${summary(fuzz)}\n  → ${status} ${JSON.stringify(validate.errors).slice(0, 300)}`,
            );
        } catch (error) {
          offSchema.push(`${summary(fuzz)}\n  → ${status}: ${(error as Error).message}`);
        }
      }
    });

    const seconds = (Date.now() - started) / 1000;
    const sent = [...histogram.values()].reduce((sum, n) => sum + n, 0);
    const format = (counts: Map<number, number>) =>
      [...counts.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}:${n}`)
        .join(" ");
    console.log(
      `fuzz: ${sent} requests answered (${transport.length} transport errors) in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s); statuses ${format(histogram)}`,
    );
    for (const [operation, counts] of perOperationHistogram) console.log(`  ${operation}: ${format(counts)}`);
    console.log(
      `fuzz: ${serverErrors.length} 5xx, ${badProblems.length} malformed 4xx, ${offSchema.length} off-schema 2xx`,
    );

    const invalid = await invalidCustomerRows();
    expect(transport, transport.slice(0, 5).join("\n")).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(
      serverErrors.length,
      `5xx answers (seed ${SEED}), first ones:\n${serverErrors.slice(0, 5).join("\n")}`,
    ).toBe(0);
    expect(
      badProblems.length,
      `4xx that are not problem documents:\n${badProblems.slice(0, 5).join("\n")}`,
    ).toBe(0);
    expect(offSchema.length, `2xx bodies off the OpenAPI schema:\n${offSchema.slice(0, 5).join("\n")}`).toBe(
      0,
    );
    expect(invalid, "invalid customer rows stored").toEqual([]);
  });
});
