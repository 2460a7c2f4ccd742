import type { Metadata } from "next";
import { ApiKeysManager } from "./api-keys-manager";

export const metadata: Metadata = { title: "API keys" };

export default function ApiKeysPage() {
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-semibold">API keys</h1>
      <ApiKeysManager />
    </main>
  );
}
