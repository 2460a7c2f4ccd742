import type { Metadata } from "next";
import { WebhookEndpointsManager } from "./webhook-endpoints-manager";

export const metadata: Metadata = { title: "Webhook endpoints" };

export default function WebhookEndpointsPage() {
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-semibold">Webhook endpoints</h1>
      <WebhookEndpointsManager />
    </main>
  );
}
