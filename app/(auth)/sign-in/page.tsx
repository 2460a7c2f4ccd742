import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/layout/logo";
import { currentStaff } from "@/lib/auth/current-staff";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const from = safeRedirectPath((await searchParams).from);
  if (await currentStaff()) redirect(from);
  return (
    <main className="grid min-h-[80vh] place-items-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-slate-900">
          <Logo />
        </p>
        <h1 className="mt-4 text-2xl font-semibold">Sign in</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">For billing staff. Ask an admin for a login.</p>
        <SignInForm from={from} />
      </div>
    </main>
  );
}
