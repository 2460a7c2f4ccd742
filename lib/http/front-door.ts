import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { PUBLIC_URL_HEADER } from "../api/public-url";
import { API_HEADERS, apiRequestOf } from "./api-paths";

/** Two years, subdomains included: what browsers' preload lists ask of a site that is https only. */
export const HSTS = "max-age=63072000; includeSubDomains";

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * What the app's own HTTP server does to every request before Next.js sees it:
 *
 * - It appends the socket's address to X-Forwarded-For, as every proxy does. Next.js only fills
 *   the header in when it is missing (`??=` in its base server), so without this a client that
 *   sends its own X-Forwarded-For would hide its address from the app entirely. Now the rightmost
 *   entry is always the true peer, and lib/http/client-address.ts counts trusted hops from there.
 * - With an https APP_URL it sets Strict-Transport-Security on every response, pages and API
 *   alike. next.config.mjs's headers are fixed when the app is built, and APP_URL is only known
 *   when it starts, so this is the one place that sees both every response and the setting.
 * - It routes the public `.json` paths to their handlers under app/api (`/customers.json` to
 *   `/api/customers`, lib/http/api-paths.ts), keeping the URL the client sent in a header for the
 *   handler (lib/api/public-url.ts), and sets the API's fixed security headers on every API
 *   response. Next's `beforeFiles` rewrites and `headers()` did both before, matching every
 *   request against path-to-regexp patterns: 4.5–5.7 % of a create's CPU (bench/api/README.md).
 *   Set here, before Next sees the request, the headers behave as `headers()`'s did: a response's
 *   own value of one of them does not replace it, and Next's own answers (OPTIONS, errors) get them.
 */
export function frontDoor(handle: Handler, options: { appUrl: string }): RequestListener {
  const https = new URL(options.appUrl).protocol === "https:";
  return (request, response) => {
    const peer = request.socket.remoteAddress;
    if (!peer) {
      // The connection is already gone; there is nobody to answer.
      request.socket.destroy();
      return;
    }
    request.headers["x-forwarded-for"] = appended(request.headers["x-forwarded-for"], peer);
    if (https) response.setHeader("strict-transport-security", HSTS);
    delete request.headers[PUBLIC_URL_HEADER];
    const url = request.url ?? "/";
    const api = apiRequestOf(url);
    if (api?.apiHeaders) for (const [name, value] of API_HEADERS) response.setHeader(name, value);
    if (api?.rewriteTo) {
      request.headers[PUBLIC_URL_HEADER] = url;
      request.url = api.rewriteTo;
    }
    handle(request, response).catch((error: unknown) => {
      console.error(`[web] ${request.method} ${url} failed:`, error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  };
}

function appended(forwarded: string | string[] | undefined, peer: string): string {
  const earlier = (Array.isArray(forwarded) ? forwarded.join(", ") : (forwarded ?? "")).trim();
  return earlier ? `${earlier}, ${peer}` : peer;
}
