import type { StaffRole } from "@/lib/auth/roles";
import { Logo } from "./logo";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ email, role }: { email: string; role: StaffRole }) {
  return (
    <header className="bg-slate-900 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-6 py-3">
        <Logo />
        <nav aria-label="Main" className="flex flex-wrap gap-1">
          <NavLink href="/customers">Customers</NavLink>
          <NavLink href="/dashboard">Dashboard</NavLink>
          {role === "admin" ? <NavLink href="/admin">Admin</NavLink> : null}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span data-testid="signed-in-user">
            <span className="text-slate-200">{email}</span>{" "}
            <span className="rounded bg-slate-700 px-1.5 py-0.5 text-xs uppercase tracking-wide">{role}</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
