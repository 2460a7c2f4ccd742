import Stripe from "stripe";
import { env } from "../env";

let client: Stripe | undefined;

/**
 * The Stripe client: always the real SDK. With STRIPE_SECRET_KEY set it talks to Stripe and
 * nothing else; only without a key does it talk to the local emulator (same SDK, another base
 * URL), so the emulator can never be reached with a real key.
 */
export function stripe(): Stripe {
  if (client) return client;
  const { STRIPE_SECRET_KEY, STRIPE_EMULATOR_URL } = env();
  const options: Stripe.StripeConfig = {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "DonutWork" },
  };
  if (STRIPE_SECRET_KEY) {
    client = new Stripe(STRIPE_SECRET_KEY, options);
  } else {
    if (!STRIPE_EMULATOR_URL) throw new Error("Neither STRIPE_SECRET_KEY nor STRIPE_EMULATOR_URL is set.");
    const url = new URL(STRIPE_EMULATOR_URL);
    client = new Stripe("sk_test_donutwork_emulator", {
      ...options,
      host: url.hostname,
      port: Number(url.port),
      protocol: url.protocol === "https:" ? "https" : "http",
    });
  }
  return client;
}

export const usesStripeEmulator = () => !env().STRIPE_SECRET_KEY;
