import type { Permission, Principal } from "../auth/roles";
import { isAllowed } from "../auth/roles";
import { env } from "../env";
import { AppError } from "../errors/app-error";
import { type Actor, actorOf } from "../server/audit/actor";
import { isStorableText } from "../validations/text";
import { authenticate } from "./authenticate";
import { type Admission, admitDatabaseWork, settleDatabaseWork } from "./database-circuit";
import { withIdempotency } from "./idempotency";
import { problemResponse, toAppError } from "./problem";
import { limitCaller, limitFailedAuthentication, refuseLimitedAddress } from "./rate-limits";
import { parseJson, readRawBody } from "./read-json-body";
import { admitReport } from "./report-concurrency";

export interface ApiResult {
  status: number;
  body: unknown;
}

export const ok = (body: unknown): ApiResult => ({ status: 200, body });
export const created = (body: unknown): ApiResult => ({ status: 201, body });

export interface HandlerContext<P> {
  request: Request;
  url: URL;
  params: P;
  principal: Principal;
  actor: Actor;
  /** The parsed JSON body of POST, PUT and PATCH requests; undefined otherwise. */
  body: unknown;
  /** The Idempotency-Key header, when the caller sent one. */
  idempotencyKey: string | undefined;
}

interface RouteOptions {
  permission: Permission;
  /** Charges insist on a key; every other POST merely honours one. */
  idempotencyKey?: "optional" | "required";
  /** An empty body reads as `{}` (a refund of everything left); elsewhere it is a 400. */
  bodyOptional?: boolean;
  /**
   * A report over the whole book: at most REPORT_CONCURRENCY_PER_CALLER at once per caller
   * (429 past that), on the report connections of lib/db.ts.
   */
  report?: boolean;
}

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH"]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Wraps a route handler with what every API route shares: authentication (API key or staff
 * session), the permission check, the Origin check for cookie-authenticated writes, body
 * limits and JSON parsing, Idempotency-Key handling, and RFC 9457 errors.
 */
export function apiRoute<P = Record<string, never>>(
  options: RouteOptions,
  handler: (context: HandlerContext<P>) => Promise<ApiResult>,
) {
  return async (request: Request, routeContext: { params: Promise<P> }): Promise<Response> => {
    let admission: Admission | undefined;
    let releaseReport: (() => void) | undefined;
    try {
      admission = admitDatabaseWork();
      const caller = await authenticateOrThrow(request, options.permission);
      if (options.report) releaseReport = admitReport(`${caller.kind}:${caller.id}`);
      const rawBody = METHODS_WITH_BODY.has(request.method) ? await readRawBody(request) : "";
      const idempotencyKey = idempotencyKeyOf(request, options);
      const context: HandlerContext<P> = {
        request,
        url: new URL(request.url),
        params: await knownParams(routeContext.params),
        principal: caller,
        actor: actorOf(caller),
        body: !METHODS_WITH_BODY.has(request.method)
          ? undefined
          : options.bodyOptional && rawBody.trim() === ""
            ? {}
            : parseJson(rawBody),
        idempotencyKey,
      };
      const run = async () => serialize(await handler(context));
      const response =
        idempotencyKey && request.method === "POST"
          ? await withIdempotency(
              {
                principal: `${caller.kind}:${caller.id}`,
                key: idempotencyKey,
                fingerprint: `${request.method} ${context.url.pathname}${context.url.search}\n${rawBody}`,
              },
              run,
            )
          : await run();
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
async function knownParams<P>(params: Promise<P>): Promise<P> {
  const values = await params;
  for (const value of Object.values(values ?? {})) {
    if (typeof value === "string" && !isStorableText(value))
      throw new AppError("not_found", "No such resource.");
  }
  return values;
}

function idempotencyKeyOf(request: Request, options: RouteOptions): string | undefined {
  const key = request.headers.get("idempotency-key") ?? undefined;
  if (key !== undefined && (key.length === 0 || key.length > 255)) {
    throw new AppError("validation_failed", "The Idempotency-Key header must be 1–255 characters.", {
      errors: [{ field: "Idempotency-Key", message: "must be 1–255 characters" }],
    });
  }
  if (!key && options.idempotencyKey === "required" && request.method === "POST") {
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

function serialize(result: ApiResult) {
  return { status: result.status, body: JSON.stringify(result.body) };
}
