"use client";

import { createContext, type ReactNode, useContext } from "react";
import { canWrite, type StaffRole } from "@/lib/auth/roles";

interface StaffSession {
  email: string;
  role: StaffRole;
}

const StaffSessionContext = createContext<StaffSession | null>(null);

/** The signed-in user, from the server's session, for client components that adapt to the role. */
export function StaffSessionProvider({ session, children }: { session: StaffSession; children: ReactNode }) {
  return <StaffSessionContext.Provider value={session}>{children}</StaffSessionContext.Provider>;
}

export function useStaffSession(): StaffSession {
  const session = useContext(StaffSessionContext);
  if (!session) throw new Error("useStaffSession must be used inside the dashboard layout");
  return session;
}

/**
 * Whether to show write controls. Only a convenience: the API refuses a viewer's writes
 * whatever the page shows.
 */
export function useCanWrite(): boolean {
  return canWrite(useStaffSession().role);
}
