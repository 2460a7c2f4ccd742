import { Forbidden } from "@/components/layout/forbidden";
import { NavLink } from "@/components/layout/nav-link";
import { currentStaff } from "../current-staff";

/** Admins only; the admin API routes refuse everyone else as well. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  if (staff?.role !== "admin")
    return <Forbidden message="Only admins manage API keys, staff users and webhook endpoints." />;
  return (
    <div className="space-y-6">
      <nav aria-label="Admin" className="flex flex-wrap gap-1 rounded-lg bg-slate-800 p-1">
        <NavLink href="/admin/api-keys">API keys</NavLink>
        <NavLink href="/admin/users">Staff users</NavLink>
        <NavLink href="/admin/webhooks">Webhook endpoints</NavLink>
      </nav>
      {children}
    </div>
  );
}
