import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { NewCustomerForm } from "./new-customer-form";

export const metadata: Metadata = { title: "New customer" };

/** Finance and admins only: a viewer gets the forbidden page, and the API refuses the POST too. */
export default async function NewCustomerPage() {
  await requireStaff({ permission: "write" });
  return (
    <main className="mx-auto max-w-3xl space-y-6">
      <Link href="/customers" className="text-sm text-indigo-700 hover:underline">
        ← All customers
      </Link>
      <h1 className="text-2xl font-semibold">New customer</h1>
      <NewCustomerForm />
    </main>
  );
}
