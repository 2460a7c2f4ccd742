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
  const start = (port: number) =>
    startStripeEmulator({
      port,
      webhookUrl: `${options.appUrl}/webhooks/stripe`,
      webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? "",
      stateFile: options.stateFile,
      log: (line) => options.log(`stripe-emulator: ${line}`),
    });
  // The remembered port may have been taken meanwhile: then any port (old checkout URLs break,
  // new ones work).
  const emulator = await start(rememberedPort).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EADDRINUSE") throw error;
    return start(0);
  });
  writeFileSync(portFile, String(emulator.port));
  options.log(`Stripe emulator listening at ${emulator.url}`);
  return emulator;
}
