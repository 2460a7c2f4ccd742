import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./auth-js";
import { isAllowed, type Permission } from "./roles";
import type { StaffIdentity } from "./sessions/resolve-session";
import { staffOfSession } from "./sessions/staff-of-session";
import { signInUrl } from "./sign-in-url";

export type CurrentStaff = StaffIdentity;

/**
 * The signed-in staff user, or null. `auth()` checks the session against the database
 * (lib/auth/auth-js.ts), so this is the truth, not the cookie's claim. Memoised per request: the layout,
 * the page and its data functions share one look-up.
 */
export const currentStaff = cache(async (): Promise<CurrentStaff | null> => staffOfSession(await auth()));

/**
 * The access check of every staff page, layout and page data function, made before anything is
 * read: signed out (or a revoked, expired or forged session) → the sign-in page with the way
 * back; a role without `permission` → Next's forbidden page (403). Both throw, so nothing after
 * the call runs.
 */
export async function requireStaff({ permission }: { permission: Permission }): Promise<CurrentStaff> {
  const staff = await currentStaff();
  if (!staff) redirect(signInUrl((await headers()).get("x-pathname") ?? "/customers"));
  if (!isAllowed({ kind: "staff", ...staff }, permission)) forbidden();
  return staff;
}
