import { z } from "zod";
import type { Permission } from "../auth/roles";
import { ID_PREFIXES, type IdKind } from "../ids";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * What a retry with the same Idempotency-Key does: `required` (a charge moves money, so a key
 * must be sent), `allowed` (the first response is replayed when a key is sent), `none` (the
 * header's length is still checked, but nothing is stored: PUT, PATCH and DELETE are idempotent
 * by themselves, and GETs change nothing or, for a GET that creates, make a new thing each time).
 */
export type IdempotencyRule = "required" | "allowed" | "none";

/**
 * One operation of the API, defined once: the route handler parses with it (lib/api/route.ts),
 * the OpenAPI document is assembled from it (lib/openapi/document.ts), and the authorisation
 * matrix and the fuzz (e2e/api) iterate over the list of them (lib/operations/index.ts).
 */
export interface OperationDefinition {
  operationId: string;
  method: HttpMethod;
  /** The public path, as callers and the document spell it: `/customers/{id}.json`. */
  path: string;
  permission: Permission;
  /** In /openapi.json. API keys and most staff-user changes are for the staff pages only. */
  public: boolean;
  tag: string;
  summary: string;
  description?: string;
  /** The path's `{…}` members; ids are only checked to be storable text (else 404), never parsed. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** `required: false`: an empty body reads as `{}` (a refund of whatever is left). */
  body?: { schema: z.ZodType; required: boolean };
  idempotency: IdempotencyRule;
  /** A GET that makes something new on every call: it needs the write permission and an Origin check. */
  createsOnGet?: boolean;
  /**
   * A report over the whole book: at most REPORT_CONCURRENCY_PER_CALLER at once per caller (429
   * past that), on the report connections of lib/db.ts.
   */
  report?: boolean;
  /**
   * What a success answers with. With `contentType` (the CSV export) the handler returns a
   * StreamedBody instead of JSON, and the schema describes the text for the document.
   */
  response: { status: 200 | 201; description: string; schema: z.ZodType; contentType?: "text/csv" };
  /** The problems particular to this operation, by status (the ones every operation shares are added). */
  errors?: Partial<Record<400 | 404 | 409 | 422 | 429 | 502 | 503, string>>;
}

/** A streamed answer (a file): its chunks and the name a browser saves it under. */
export interface StreamedBody {
  stream: ReadableStream<Uint8Array>;
  filename: string;
}

/** Keeps the literal types of a definition, so that handlers get its schemas' types. */
export const defineOperation = <const Definition extends OperationDefinition>(definition: Definition) =>
  definition;

/** Whether a call can change something: every non-GET, and a GET that creates. */
export const changesState = (operation: OperationDefinition) =>
  operation.method !== "GET" || operation.createsOnGet === true;

/** The `{id}` path member naming one resource, with an example id of its kind. */
export const idParams = (kind: IdKind, description: string) =>
  z.object({
    id: z.string().meta({ description, example: `${ID_PREFIXES[kind]}_01JDQ3X5Z4Q8M2N6P7R9S0T1V2` }),
  });

export const customerIdParams = idParams("customer", "The customer's eid");
