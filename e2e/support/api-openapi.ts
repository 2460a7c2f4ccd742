import { type APIRequestContext, type APIResponse, expect } from "@playwright/test";
import type { ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type OpenApiContent = Record<string, { schema?: unknown }>;
export interface OpenApiOperation {
  operationId?: string;
  requestBody?: { required?: boolean; content?: OpenApiContent };
  responses?: Record<string, { content?: OpenApiContent }>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown> };
}

// One fetch and one Ajv per worker: the document is static.
let documentPromise: Promise<OpenApiDocument> | undefined;
const validators = new Map<string, ValidateFunction>();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

/** The OpenAPI document the running app serves at /openapi.json. */
export function fetchOpenApi(request: APIRequestContext): Promise<OpenApiDocument> {
  documentPromise ??= (async () => {
    const response = await request.get("/openapi.json");
    expect(response.status()).toBe(200);
    return (await response.json()) as OpenApiDocument;
  })();
  return documentPromise;
}

/** `#/components/schemas/X` → `#/$defs/X`, so Ajv resolves refs inside one self-contained schema. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) =>
      key === "$ref" && typeof member === "string"
        ? [key, member.replace("#/components/schemas/", "#/$defs/")]
        : [key, rewriteRefs(member)],
    ),
  );
}

/** The Ajv validator of the body the document promises for `method path` answering `status`. */
export function responseValidator(
  document: OpenApiDocument,
  path: string,
  method: string,
  status: number,
): { validate: ValidateFunction; mediaType: string } {
  const response = document.paths[path]?.[method]?.responses?.[String(status)];
  if (!response) throw new Error(`the OpenAPI document has no ${status} response for ${method} ${path}`);
  const [mediaType, content] = Object.entries(response.content ?? {})[0] ?? [];
  if (!mediaType || !content?.schema)
    throw new Error(`the ${status} response of ${method} ${path} has no schema`);
  return { validate: schemaValidator(document, content.schema, `${method} ${path} ${status}`), mediaType };
}

/** The Ajv validator of one schema of the document (its refs resolved against the document). */
export function schemaValidator(
  document: OpenApiDocument,
  schema: unknown,
  cacheKey: string,
): ValidateFunction {
  let validate = validators.get(cacheKey);
  if (!validate) {
    validate = ajv.compile({
      ...(rewriteRefs(schema) as object),
      $defs: rewriteRefs(document.components?.schemas ?? {}),
    });
    validators.set(cacheKey, validate);
  }
  return validate;
}

/** Ajv's message for a validator's last errors. */
export const validationErrors = (validate: ValidateFunction) => ajv.errorsText(validate.errors);

/** The example a schema carries, itself or (for a `$ref`) on the component it names. */
export function exampleOf(document: OpenApiDocument, schema: unknown): unknown {
  const { $ref, example } = (schema ?? {}) as { $ref?: string; example?: unknown };
  if (!$ref) return example;
  const component = document.components?.schemas?.[$ref.replace("#/components/schemas/", "")];
  return (component as { example?: unknown } | undefined)?.example;
}

/**
 * Asserts that a real response is one the document describes: its status is listed for the
 * operation, its content type is the documented one, and its body validates against the schema.
 */
export async function expectMatchesOpenApi(
  request: APIRequestContext,
  response: APIResponse,
  path: string,
  method: string,
): Promise<void> {
  const answer = { status: response.status(), contentType: response.headers()["content-type"] ?? "" };
  await expectAnswerMatchesOpenApi(request, { ...answer, body: await response.json() }, path, method);
}

/** The same for a typed call's result (e2e/support/api-typed.ts): its body is already parsed. */
export async function expectResultMatchesOpenApi(
  request: APIRequestContext,
  result: { data?: unknown; error?: unknown; response: Response },
  path: string,
  method: string,
): Promise<void> {
  const { status, headers } = result.response;
  const body = result.error === undefined ? result.data : result.error;
  await expectAnswerMatchesOpenApi(
    request,
    { status, contentType: headers.get("content-type") ?? "", body },
    path,
    method,
  );
}

async function expectAnswerMatchesOpenApi(
  request: APIRequestContext,
  answer: { status: number; contentType: string; body: unknown },
  path: string,
  method: string,
): Promise<void> {
  const document = await fetchOpenApi(request);
  const { validate, mediaType } = responseValidator(document, path, method, answer.status);
  expect(answer.contentType).toContain(mediaType);
  const valid = validate(answer.body);
  expect(
    valid,
    `${method.toUpperCase()} ${path} ${answer.status} body does not match the OpenAPI schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(answer.body)}`,
  ).toBe(true);
}
