import type { Metadata } from "next";
import { headers } from "next/headers";
import { EmulatorBanner } from "@/components/layout/emulator-banner";
import "./globals.css";

export const metadata: Metadata = { title: { default: "DonutWork", template: "%s · DonutWork" } };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, which the CSP nonce needs: Next
  // stamps the proxy's nonce on its scripts only while rendering a request (see proxy.ts).
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <EmulatorBanner />
        {children}
      </body>
    </html>
  );
}
