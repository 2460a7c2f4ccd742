import Stripe from "stripe";
import { emulatorUrlOf } from "./data-dir";

/**
 * The real Stripe SDK pointed at the emulator of a data dir's app, to look at (or change) what
 * Stripe holds, the way the app itself talks to it. No retries: a test wants the first answer.
 */
export function emulatorStripe(dataDir: string): Stripe {
  const url = new URL(emulatorUrlOf(dataDir));
  return new Stripe("sk_test_donutwork_tests", {
    host: url.hostname,
    port: Number(url.port),
    protocol: "http",
    maxNetworkRetries: 0,
  });
}
