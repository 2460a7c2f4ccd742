/**
 * The header in which the app's front door (lib/http/front-door.ts) hands a route handler the
 * URL the client asked for, when it mapped a public `.json` path onto the handler's `/api/…`
 * path. The front door removes it from every request it did not map, so a client cannot set it.
 */
export const PUBLIC_URL_HEADER = "x-donutwork-public-url";

/**
 * The URL as the client sent it (`/customers.json?limit=5`), which is what the idempotency
 * fingerprint and the messages name; for a request made to an `/api/…` path itself, that path.
 */
export function publicUrl(request: Request): URL {
  const sent = request.headers.get(PUBLIC_URL_HEADER);
  return sent === null ? new URL(request.url) : new URL(sent, request.url);
}
