import { AppHeader } from "@/components/layout/app-header";
import { QueryProvider } from "@/components/providers/query-provider";
import { StaffSessionProvider } from "@/components/providers/staff-session";
import { requireStaff } from "@/lib/auth/current-staff";

/**
 * The frame of every staff page. Its check is not the pages' protection (layouts render in
 * parallel with their pages): each page decides access itself, through lib/dal or requireStaff.
 */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff({ permission: "read" });
  return (
    <StaffSessionProvider session={{ email: staff.email, role: staff.role }}>
      <QueryProvider>
        <AppHeader email={staff.email} role={staff.role} />
        <div className="mx-auto max-w-7xl px-6 py-8">{children}</div>
      </QueryProvider>
    </StaffSessionProvider>
  );
}
