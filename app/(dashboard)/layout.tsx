import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { QueryProvider } from "@/components/providers/query-provider";
import { StaffSessionProvider } from "@/components/providers/staff-session";
import { currentStaff } from "./current-staff";

/** The auth gate of every staff page: signed out → /sign-in, with the way back. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  if (!staff) {
    const from = (await headers()).get("x-pathname") ?? "/customers";
    redirect(`/sign-in?from=${encodeURIComponent(from)}`);
  }
  return (
    <StaffSessionProvider session={{ email: staff.email, role: staff.role }}>
      <QueryProvider>
        <AppHeader email={staff.email} role={staff.role} />
        <div className="mx-auto max-w-7xl px-6 py-8">{children}</div>
      </QueryProvider>
    </StaffSessionProvider>
  );
}
