import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startStripeEmulator } from "../stripe-emulator";
import { dataDir } from "./data-dir";

/**
 * Starts the Stripe emulator for a run without STRIPE_SECRET_KEY. It delivers signed events to
 * the app's /webhooks/stripe and keeps its state (and its port, so stored checkout URLs stay
 * valid) in the data dir.
 */
export async function startLocalStripe(options: {
  appUrl: string;
  stateFile: string;
  log: (line: string) => void;
}) {
  const portFile = path.join(dataDir(), "stripe-emulator.port");
  const rememberedPort = existsSync(portFile) ? Number(readFileSync(portFile, "utf8")) : 0;
  const emulator = await startStripeEmulator({
    port: rememberedPort,
    webhookUrl: `${options.appUrl}/webhooks/stripe`,
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? "",
    stateFile: options.stateFile,
    log: (line) => options.log(`stripe-emulator: ${line}`),
  });
  writeFileSync(portFile, String(emulator.port));
  options.log(`Stripe emulator listening at ${emulator.url}`);
  return emulator;
}
