"use client";

import Link from "next/link";
import { useCanWrite } from "@/components/providers/staff-session";
import { buttonClass } from "@/components/ui/button";

/** The list's heading, with the way to the new-customer form for finance and admins (viewers see none). */
export function ListHeading() {
  const canWrite = useCanWrite();
  return (
    <div className="flex flex-wrap items-center justify-between gap-4">
      <h1 className="text-2xl font-semibold">Customers</h1>
      {canWrite ? (
        <Link href="/customers/new" className={buttonClass("primary")}>
          New customer
        </Link>
      ) : null}
    </div>
  );
}
