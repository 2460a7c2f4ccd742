import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { publicOperations } from "../operations";
import type { OperationDefinition } from "../operations/define-operation";
import { problemSchema } from "../validations/responses";

// The OpenAPI 3.1 document of the public API, assembled from the operation definitions
// (lib/operations) the route handlers parse with, so the two cannot drift apart.

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

const idempotencyHeaders = {
  allowed: z.object({
    "idempotency-key": z
      .string()
      .max(255)
      .optional()
      .meta({ description: "A retry with the same key and body replays the first response (kept 24 h)." }),
  }),
  required: z.object({ "idempotency-key": z.string().min(1).max(255).meta({ description: "Required" }) }),
  none: undefined,
};

/** The problems every operation can answer with; those that take a body add the body's. */
const common = {
  401: problem("No or bad credentials"),
  403: problem("The key or role lacks the right"),
};
const withBody = {
  ...common,
  400: problem("Malformed JSON"),
  413: problem("Body larger than 1 MB"),
  422: problem("Validation failed; `errors` names every bad field"),
};

function operationObject(operation: OperationDefinition): ZodOpenApiOperationObject {
  const header = idempotencyHeaders[operation.idempotency];
  const requestParams = {
    ...(operation.params ? { path: operation.params } : {}),
    ...(operation.query ? { query: operation.query } : {}),
    ...(header ? { header } : {}),
  };
  const { body, response } = operation;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    ...(Object.keys(requestParams).length > 0 ? { requestParams } : {}),
    // A body that may be left out (a refund's, where none means "all of it") is not `required`.
    ...(body ? { requestBody: { ...(body.required ? { required: true } : {}), ...json(body.schema) } } : {}),
    responses: {
      [response.status]: {
        description: response.description,
        ...(response.contentType
          ? { content: { [response.contentType]: { schema: response.schema } } }
          : json(response.schema)),
      },
      ...Object.fromEntries(
        Object.entries(operation.errors ?? {}).map(([status, description]) => [status, problem(description)]),
      ),
      ...(body ? withBody : common),
    },
  };
}

/** The public operations by path, each path's methods in the order they are defined. */
export const paths: ZodOpenApiPathsObject = {};
for (const operation of publicOperations) {
  paths[operation.path] = {
    ...paths[operation.path],
    [operation.method.toLowerCase()]: operationObject(operation),
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "DonutWork API",
      version: "1.0.0",
      description:
        "Customers, payment onboarding, billing and health. Authenticate with `Authorization: Bearer <API key>`. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API key (dw_…) from `donutwork api-key create`",
        },
      },
    },
    paths,
  });
  return cached;
}
