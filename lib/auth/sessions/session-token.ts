import { encode, type JWTEncodeParams } from "next-auth/jwt";

/**
 * Auth.js's own encrypted JWT, reduced to the session id: whatever the `jwt` callback returns
 * for the request (the user's role and email, read from the database) never reaches the cookie,
 * so nothing in it can go stale or be trusted later.
 */
export function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const sid = params.token?.sid;
  return encode({ ...params, token: typeof sid === "string" ? { sid } : {} });
}

/** The session id an Auth.js token carries, if it carries one. */
export function sessionIdOf(token: Record<string, unknown> | null | undefined): string | null {
  const sid = token?.sid;
  return typeof sid === "string" && sid.length > 0 ? sid : null;
}
