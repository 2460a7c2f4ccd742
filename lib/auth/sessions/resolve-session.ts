import { db } from "../../db";
import { hashToken } from "../../secret-tokens";
import type { StaffRole } from "../roles";
import { LAST_SEEN_RESOLUTION_MS } from "./session-lifetime";

export interface StaffIdentity {
  id: string;
  email: string;
  role: StaffRole;
}

/**
 * The staff user behind a session id, read from the database on every request: null once the
 * session is revoked (sign-out, a new password) or expired, or the user is disabled. The role
 * and email are the database's, never the cookie's, so a role change applies at once.
 */
export async function resolveStaffSession(sessionId: string): Promise<StaffIdentity | null> {
  const idHash = hashToken(sessionId);
  const session = await db().staffSession.findUnique({
    where: { idHash },
    select: {
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      staffUser: { select: { id: true, email: true, role: true, disabledAt: true } },
    },
  });
  const now = Date.now();
  if (!session || session.revokedAt || session.expiresAt.getTime() <= now || session.staffUser.disabledAt)
    return null;
  if (now - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db().staffSession.update({ where: { idHash }, data: { lastSeenAt: new Date(now) } });
  }
  const { id, email, role } = session.staffUser;
  return { id, email, role };
}
