import type { IncomingMessage, ServerResponse } from "node:http";
import type { Scheduler } from "./clock";
import type { EmulatorContext } from "./context";
import { authenticationError, StripeApiError, unrecognizedUrl } from "./errors";
import { expandResponse } from "./expand";
import type { FaultInjector } from "./fault-injection";
import { type FormObject, formFromJson, parseFormBody } from "./form-body";
import { escapeHtml, htmlPage } from "./html";
import type { IdempotencyKeys } from "./idempotency";
import { newId } from "./ids";
import { Params } from "./params";
import type { EmulatorRequest, RouteMatch, Router } from "./router";

export interface HttpDependencies {
  ctx: EmulatorContext;
  router: Router;
  scheduler: Scheduler;
  idempotency: IdempotencyKeys;
  faults: FaultInjector;
  /** Persists the state; called after anything may have changed. */
  save(): void;
}

interface Reply {
  status: number;
  contentType: string;
  /** A page's file (a PDF) is made asynchronously; everything else is text. */
  body: string | Promise<Buffer>;
  headers?: Record<string, string>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/** The `node:http` listener: auth, decoding, idempotency, routing, `expand[]`, errors, persistence. */
export function createRequestListener(deps: HttpDependencies) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const startedAt = performance.now();
    readBody(request)
      .then((body) => handle(deps, request, body))
      .catch((error: unknown) =>
        error instanceof StripeApiError ? stripeErrorReply(error) : internalError(deps, error),
      )
      .then(async (reply) => ({ ...reply, body: await reply.body }))
      .catch((error: unknown) => internalError(deps, error))
      .then((reply) => {
        response.writeHead(reply.status, { "Content-Type": reply.contentType, ...reply.headers });
        response.end(reply.body);
        const elapsed = Math.round(performance.now() - startedAt);
        deps.ctx.log(`${request.method} ${request.url} → ${reply.status} (${elapsed} ms)`);
      });
  };
}

function handle(deps: HttpDependencies, incoming: IncomingMessage, rawBody: string): Reply {
  const method = incoming.method ?? "GET";
  const url = new URL(incoming.url ?? "/", "http://emulator.invalid");
  const isApi = url.pathname.startsWith("/v1/");
  if (isApi) {
    authenticate(incoming.headers.authorization);
    deps.faults.check(method, url.pathname);
  }

  const match = deps.router.match(method, url.pathname);
  if (!match) throw unrecognizedUrl(method, url.pathname);
  const values: FormObject = { ...parseFormBody(url.search.slice(1)), ...decodeBody(incoming, rawBody) };
  const idempotencyKey = isApi && method === "POST" ? headerValue(incoming, "idempotency-key") : undefined;
  const fingerprint = `${method} ${url.pathname} ${rawBody}`;
  if (idempotencyKey) {
    const previous = deps.idempotency.lookup(idempotencyKey, fingerprint);
    if (previous.kind === "replay") {
      return { ...jsonReply(previous.status, previous.body), headers: { "Idempotent-Replayed": "true" } };
    }
  }

  // Time may have passed since the last request: let due renewals and expiries happen first.
  const ranDueWork = deps.scheduler.runDue();
  const requestId = newId("req");
  const emulatorRequest = toEmulatorRequest(method, url.pathname, new Params(values), incoming, match);
  const reply = deps.ctx.events.during({ id: requestId, idempotency_key: idempotencyKey ?? null }, () =>
    dispatch(deps, match, emulatorRequest),
  );
  if (idempotencyKey && typeof reply.body === "string")
    deps.idempotency.remember(idempotencyKey, fingerprint, reply.status, reply.body);
  if (method !== "GET" || ranDueWork > 0) deps.save();
  return { ...reply, headers: { ...reply.headers, "Request-Id": requestId } };
}

function dispatch(deps: HttpDependencies, match: RouteMatch, request: EmulatorRequest): Reply {
  const { route } = match;
  try {
    if (route.kind === "api") {
      const body = route.handler(deps.ctx, request);
      const expanded = expandResponse(body, request.params.stringList("expand"), deps.ctx.store);
      return jsonReply(200, JSON.stringify(expanded, null, 2));
    }
    const page = route.handler(deps.ctx, request);
    if (page.kind === "redirect") {
      return {
        status: page.status,
        contentType: "text/plain",
        body: "",
        headers: { Location: page.location },
      };
    }
    if (page.kind === "file") {
      const disposition = `inline; filename="${page.filename.replace(/[^\w.-]/g, "_")}"`;
      return {
        status: page.status,
        contentType: page.contentType,
        body: page.body,
        headers: { "Content-Disposition": disposition },
      };
    }
    return { status: page.status, contentType: "text/html; charset=utf-8", body: page.html };
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    if (route.kind === "page") {
      const html = htmlPage("Something went wrong", `<p>${escapeHtml(error.message)}</p>`);
      return { status: error.status, contentType: "text/html; charset=utf-8", body: html };
    }
    return stripeErrorReply(error);
  }
}

function toEmulatorRequest(
  method: string,
  path: string,
  params: Params,
  incoming: IncomingMessage,
  match: RouteMatch,
): EmulatorRequest {
  return {
    method,
    path,
    params,
    headers: incoming.headers,
    pathParam(name) {
      const value = match.pathParams[name];
      if (value === undefined) throw new Error(`route ${match.route.pattern} has no :${name}`);
      return value;
    },
  };
}

/** Accepts `Bearer sk_test_…` (the SDK) and Basic `sk_test_…:` (curl -u). Live keys are refused. */
function authenticate(authorization: string | undefined): void {
  if (!authorization) {
    throw authenticationError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  const [scheme = "", credentials = ""] = authorization.split(" ", 2);
  const key =
    scheme.toLowerCase() === "basic"
      ? (Buffer.from(credentials, "base64").toString("utf8").split(":")[0] ?? "")
      : scheme.toLowerCase() === "bearer"
        ? credentials
        : "";
  if (!/^(sk|rk)_test_\w+/.test(key)) {
    throw authenticationError(`Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(8)}`);
  }
}

function decodeBody(incoming: IncomingMessage, rawBody: string): FormObject {
  if (rawBody === "") return {};
  if ((incoming.headers["content-type"] ?? "").includes("application/json")) {
    try {
      return formFromJson(JSON.parse(rawBody));
    } catch {
      throw new StripeApiError(400, { type: "invalid_request_error", message: "Invalid JSON body." });
    }
  }
  return parseFormBody(rawBody);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new StripeApiError(413, { type: "invalid_request_error", message: "Request body too large." }),
        );
        request.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function jsonReply(status: number, body: string): Reply {
  return { status, contentType: "application/json", body };
}

function stripeErrorReply(error: StripeApiError): Reply {
  return jsonReply(error.status, JSON.stringify({ error: error.body }, null, 2));
}

function internalError(deps: HttpDependencies, error: unknown): Reply {
  deps.ctx.log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return stripeErrorReply(
    new StripeApiError(500, { type: "api_error", message: "The Stripe emulator hit an internal error." }),
  );
}
