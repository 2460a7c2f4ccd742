import type { z } from "zod";
import { authenticate } from "../auth/authenticate-request";
import type { Permission, Principal } from "../auth/roles";
import { isAllowed } from "../auth/roles";
import { env } from "../env";
import { AppError } from "../errors/app-error";
import type { OperationDefinition, StreamedBody } from "../operations/define-operation";
import { type Actor, actorOf } from "../server/audit/actor";
import { parseQuery } from "../validations/parse-query";
import { isStorableText } from "../validations/text";
import { type Admission, admitDatabaseWork, settleDatabaseWork } from "./database-circuit";
import { withIdempotency } from "./idempotency";
import { problemResponse, toAppError } from "./problem";
import { limitCaller, limitFailedAuthentication, refuseLimitedAddress } from "./rate-limits";
import { parseJson, readRawBody } from "./read-json-body";
import { admitReport } from "./report-concurrency";
import { streamedResponse } from "./streamed-response";

type Output<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

/** What a handler of `Operation` receives: its path, query and body parsed by its own schemas. */
export interface HandlerContext<Operation extends OperationDefinition> {
  request: Request;
  url: URL;
  params: Operation extends { params: infer Schema } ? Output<Schema> : Record<string, never>;
  query: Operation extends { query: infer Schema } ? Output<Schema> : undefined;
  body: Operation extends { body: { schema: infer Schema } } ? Output<Schema> : undefined;
  principal: Principal;
  actor: Actor;
  /** The Idempotency-Key header; always there when the operation requires one. */
  idempotencyKey: Operation extends { idempotency: "required" } ? string : string | undefined;
}

/** The body an operation answers with: its response schema's type (or a stream for a file), sent with its status. */
export type ResponseOf<Operation extends OperationDefinition> = Operation["response"] extends {
  contentType: string;
}
  ? StreamedBody
  : z.output<Operation["response"]["schema"]>;

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH"]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Serves one operation (lib/operations) with what every API route shares: authentication (API
 * key or staff session), the permission check, the Origin check for cookie-authenticated writes,
 * body limits and JSON parsing, parsing params, query and body with the operation's schemas,
 * Idempotency-Key handling, and RFC 9457 errors.
 */
export function apiRoute<const Operation extends OperationDefinition>(
  operation: Operation,
  handler: (context: HandlerContext<Operation>) => Promise<ResponseOf<Operation>>,
) {
  return async (request: Request, routeContext: { params: Promise<unknown> }): Promise<Response> => {
    let admission: Admission | undefined;
    let releaseReport: (() => void) | undefined;
    try {
      admission = admitDatabaseWork();
      const caller = await authenticateOrThrow(request, operation.permission);
      if (operation.report) releaseReport = admitReport(`${caller.kind}:${caller.id}`);
      const rawBody = METHODS_WITH_BODY.has(request.method) ? await readRawBody(request) : "";
      const idempotencyKey = idempotencyKeyOf(request, operation);
      const url = new URL(request.url);
      const params = await knownParams(routeContext.params);
      const json = !METHODS_WITH_BODY.has(request.method)
        ? undefined
        : operation.body?.required === false && rawBody.trim() === ""
          ? {}
          : parseJson(rawBody);
      // The schemas run inside the idempotent part, as the handlers' own parsing did: a key
      // reused with another (even invalid) body is reported as reused.
      const run = async () => {
        const context = {
          request,
          url,
          params: operation.params ? operation.params.parse(params) : params,
          query: operation.query ? parseQuery(operation.query, url.searchParams) : undefined,
          body: operation.body && json !== undefined ? operation.body.schema.parse(json) : json,
          principal: caller,
          actor: actorOf(caller),
          idempotencyKey,
        } as HandlerContext<Operation>;
        return handler(context);
      };
      if (operation.response.contentType) {
        const file = (await run()) as StreamedBody;
        settleDatabaseWork(admission);
        // The report slot is held until the last chunk is sent (or the caller goes away).
        const release = releaseReport;
        releaseReport = undefined;
        return streamedResponse(file, operation.response.contentType, () => release?.());
      }
      const runJson = async () => ({
        status: operation.response.status,
        body: JSON.stringify(await run()),
      });
      const response =
        idempotencyKey && operation.idempotency !== "none"
          ? await withIdempotency(
              {
                principal: `${caller.kind}:${caller.id}`,
                key: idempotencyKey,
                fingerprint: `${request.method} ${url.pathname}${url.search}\n${rawBody}`,
              },
              runJson,
            )
          : await runJson();
      settleDatabaseWork(admission);
      return new Response(response.body, {
        status: response.status,
        headers: { "content-type": "application/json" },
      });
    } catch (error) {
      if (admission) settleDatabaseWork(admission, error);
      const appError = toAppError(error);
      if (appError.code === "internal")
        console.error(`${request.method} ${new URL(request.url).pathname} failed:`, error);
      return problemResponse(appError);
    } finally {
      releaseReport?.();
    }
  };
}

async function authenticateOrThrow(request: Request, permission: Permission): Promise<Principal> {
  refuseLimitedAddress(request);
  const caller = await authenticate(request);
  if (!caller) {
    await limitFailedAuthentication(request);
    throw new AppError("unauthorized", "Send a valid API key as `Authorization: Bearer <key>`, or sign in.");
  }
  limitCaller(`${caller.principal.kind}:${caller.principal.id}`);
  // Writes with a cookie must come from our own pages: an Origin of ours on unsafe methods, and
  // for the one GET that changes something (payment_link.json), where browsers send no Origin,
  // Fetch Metadata's same-origin.
  const changesSomething = !SAFE_METHODS.has(request.method) || permission !== "read";
  if (caller.viaCookie && changesSomething && !sameOrigin(request)) {
    throw new AppError(
      "forbidden",
      "Cross-origin request refused: the Origin header does not match this site.",
    );
  }
  if (!isAllowed(caller.principal, permission)) {
    const who = caller.principal.kind === "api_key" ? "This API key" : `The ${caller.principal.role} role`;
    throw new AppError(
      "forbidden",
      `${who} may not ${permission === "read" ? "read this resource" : "make this change"}.`,
    );
  }
  return caller.principal;
}

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin !== null) return origin === new URL(env().APP_URL).origin;
  return SAFE_METHODS.has(request.method) && request.headers.get("sec-fetch-site") === "same-origin";
}

/** Path ids PostgreSQL could not even compare (NUL, broken UTF-16) cannot name anything: 404. */
async function knownParams(params: Promise<unknown>): Promise<Record<string, unknown>> {
  const values = ((await params) ?? {}) as Record<string, unknown>;
  for (const value of Object.values(values)) {
    if (typeof value === "string" && !isStorableText(value))
      throw new AppError("not_found", "No such resource.");
  }
  return values;
}

function idempotencyKeyOf(request: Request, operation: OperationDefinition): string | undefined {
  const key = request.headers.get("idempotency-key") ?? undefined;
  if (key !== undefined && (key.length === 0 || key.length > 255)) {
    throw new AppError("validation_failed", "The Idempotency-Key header must be 1–255 characters.", {
      errors: [{ field: "Idempotency-Key", message: "must be 1–255 characters" }],
    });
  }
  if (!key && operation.idempotency === "required") {
    throw new AppError(
      "validation_failed",
      "This request requires an Idempotency-Key header, so that a retry never repeats it.",
      {
        errors: [{ field: "Idempotency-Key", message: "is required" }],
      },
    );
  }
  return key;
}
