import { findActiveApiKey } from "../server/api-keys/find-active-api-key";
import { auth } from "./auth-js";
import type { Principal } from "./roles";
import { staffOfSession } from "./sessions/staff-of-session";

/**
 * Who is calling: an API key from `Authorization: Bearer`, otherwise a staff session cookie.
 * Returns null for no or bad credentials; `cookie` tells the caller to check the Origin.
 */
export async function authenticate(
  request: Request,
): Promise<{ principal: Principal; viaCookie: boolean } | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const key = match?.[1] ? await findActiveApiKey(match[1]) : null;
    return key
      ? { principal: { kind: "api_key", id: key.id, scopes: new Set(key.scopes) }, viaCookie: false }
      : null;
  }
  // The session is checked against the database (lib/auth/auth-js.ts): role and email are its, not the cookie's.
  const staff = staffOfSession(await auth());
  return staff ? { principal: { kind: "staff", ...staff }, viaCookie: true } : null;
}
