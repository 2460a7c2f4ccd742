import { signOut } from "@/lib/auth/auth-js";

export function SignOutButton() {
  // Needs no right and reads nothing: it ends the caller's own session (lib/auth/auth-js.ts revokes it).
  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/sign-in" });
  }
  return (
    <form action={signOutAction}>
      <button
        type="submit"
        className="rounded-md border border-slate-600 px-3 py-1 text-sm text-slate-100 hover:bg-slate-800"
      >
        Sign out
      </button>
    </form>
  );
}
