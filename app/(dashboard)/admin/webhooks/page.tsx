import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { WebhookEndpointsManager } from "./webhook-endpoints-manager";

export const metadata: Metadata = { title: "Webhook endpoints" };

export default async function WebhookEndpointsPage() {
  await requireStaff({ permission: "admin" });
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-semibold">Webhook endpoints</h1>
      <WebhookEndpointsManager />
    </main>
  );
}
