import { db, type Tx } from "../../db";
import { hashToken } from "../../secret-tokens";

/** Ends one session (sign-out). Revoking an unknown or already revoked session changes nothing. */
export async function revokeStaffSession(sessionId: string): Promise<void> {
  await db().staffSession.updateMany({
    where: { idHash: hashToken(sessionId), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/** Ends every live session of a user (disabled, or a new password), inside the caller's transaction. */
export async function revokeAllStaffSessions(tx: Tx, staffUserId: string): Promise<number> {
  const { count } = await tx.staffSession.updateMany({
    where: { staffUserId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}
