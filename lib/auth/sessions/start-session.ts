import { db } from "../../db";
import { hashToken, randomToken } from "../../secret-tokens";
import { SESSION_MAX_AGE_SECONDS } from "./session-lifetime";

/**
 * Records a new session for a staff user who has just proved their password, and returns its
 * id: 256 random bits that only the (encrypted) session cookie carries; the row keeps its
 * SHA-256. The user's sessions that have expired are deleted on the way, so the table holds
 * about one row per live sign-in.
 */
export async function startStaffSession(staffUserId: string): Promise<string> {
  const sessionId = randomToken();
  await db().$transaction([
    db().staffSession.deleteMany({ where: { staffUserId, expiresAt: { lt: new Date() } } }),
    db().staffSession.create({
      data: {
        idHash: hashToken(sessionId),
        staffUserId,
        expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      },
    }),
  ]);
  return sessionId;
}
