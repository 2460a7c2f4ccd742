import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { ApiKeysManager } from "./api-keys-manager";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requireStaff({ permission: "admin" });
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-semibold">API keys</h1>
      <ApiKeysManager />
    </main>
  );
}
