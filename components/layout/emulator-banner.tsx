import { usesStripeEmulator } from "@/lib/stripe/client";

/** Shown on every page in local mode, so nobody mistakes the emulator for real payments. */
export function EmulatorBanner() {
  if (!usesStripeEmulator()) return null;
  return (
    <div role="note" className="bg-amber-400 px-4 py-1.5 text-center text-sm font-semibold text-amber-950">
      Stripe emulator: no real payments
    </div>
  );
}
