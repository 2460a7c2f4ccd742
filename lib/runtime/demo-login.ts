import { db } from "../db";
import { randomToken } from "../secret-tokens";
import { createStaffUser } from "../server/staff-users/create-staff-user";

export const DEMO_EMAIL = "admin@donutwork.local";

/**
 * On an empty database, a first admin so that someone can sign in at all. Its password is
 * random and printed once; only its hash is stored.
 */
export async function ensureDemoLogin(): Promise<{ email: string; password: string } | null> {
  if ((await db().staffUser.count()) > 0) return null;
  const password = randomToken(12);
  try {
    await createStaffUser({ email: DEMO_EMAIL, password, role: "admin" });
  } catch {
    return null; // another instance created it first
  }
  return { email: DEMO_EMAIL, password };
}
