import { unavailable } from "../../errors/database-failure";
import type { StaffIdentity } from "./resolve-session";

/**
 * The staff user of an `auth()` result, or null when there is none. When the session could not
 * be checked because the database is unreachable (lib/auth/auth-js.ts marks it), this throws the API's
 * 503 instead: the visitor is neither let in nor told they are signed out.
 */
export function staffOfSession(session: unknown): StaffIdentity | null {
  const value = session as { user?: Partial<StaffIdentity>; unavailable?: boolean } | null;
  if (value?.unavailable) throw unavailable();
  const user = value?.user;
  if (!user?.id || !user.role || user.email === undefined) return null;
  return { id: user.id, email: user.email, role: user.role };
}
