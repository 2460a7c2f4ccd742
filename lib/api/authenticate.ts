import { auth } from "../auth";
import type { Principal, StaffRole } from "../auth/roles";
import { findActiveApiKey } from "../server/api-keys/find-active-api-key";

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
  const session = await auth();
  const user = session?.user as { id?: string; email?: string; role?: StaffRole } | undefined;
  if (!user?.id || !user.role) return null;
  return {
    principal: { kind: "staff", id: user.id, email: user.email ?? "", role: user.role },
    viaCookie: true,
  };
}
