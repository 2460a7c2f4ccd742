import "server-only";
import { auth } from "@/lib/auth";
import type { StaffRole } from "@/lib/auth/roles";

export interface CurrentStaff {
  id: string;
  email: string;
  role: StaffRole;
}

/** The signed-in staff user, or null: the session carries the id and role (see lib/auth.ts). */
export async function currentStaff(): Promise<CurrentStaff | null> {
  const session = await auth();
  const user = session?.user as Partial<CurrentStaff> | undefined;
  if (!user?.id || !user.role) return null;
  return { id: user.id, email: user.email ?? "", role: user.role };
}
