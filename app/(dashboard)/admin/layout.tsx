import { NavLink } from "@/components/layout/nav-link";
import { requireStaff } from "@/lib/auth/current-staff";

/** Admins only (each admin page checks as well, and the admin API routes refuse everyone else). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireStaff({ permission: "admin" });
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
