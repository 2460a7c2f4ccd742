import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { startStripeEmulator } from "@donutwork/stripe-emulator";
import { dataDir } from "./data-dir";
import { withFileLock } from "./file-lock";
import { writeFileNamed } from "./write-file";

/**
 * The Stripe emulator for a run without STRIPE_SECRET_KEY. Like the embedded PostgreSQL, the
 * first app instance on a data dir starts it and later instances use that one (two emulators on
 * one state file would each believe they are Stripe). It delivers signed events to the starting
 * instance's /webhooks/stripe and keeps its state, and its port (so stored checkout URLs stay
 * valid), in the data dir.
 */
export async function startLocalStripe(options: {
  appUrl: string;
  stateFile: string;
  log: (line: string) => void;
}) {
  const portFile = path.join(dataDir(), "stripe-emulator.port");
  return withFileLock(path.join(dataDir(), "stripe-emulator.lock"), async () => {
    const rememberedPort = existsSync(portFile) ? Number(readFileSync(portFile, "utf8")) : 0;
    if (rememberedPort && (await isEmulatorUp(rememberedPort))) {
      options.log(`Using the Stripe emulator another instance runs on port ${rememberedPort}`);
      return { url: `http://127.0.0.1:${rememberedPort}`, port: rememberedPort, close: async () => {} };
    }
    const start = (port: number) =>
      startStripeEmulator({
        port,
        webhookUrl: `${options.appUrl}/webhooks/stripe`,
        webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? "",
        stateFile: options.stateFile,
        log: (line) => options.log(`stripe-emulator: ${line}`),
      });
    // The remembered port may be taken by something else: then any port (old checkout URLs
    // break, new ones work).
    const emulator = await start(rememberedPort).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EADDRINUSE") throw error;
      return start(0);
    });
    writeFileNamed(portFile, String(emulator.port));
    options.log(`Stripe emulator listening at ${emulator.url}`);
    return emulator;
  });
}

async function isEmulatorUp(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/_emulator/health`, {
      signal: AbortSignal.timeout(1000),
    });
    return response.ok;
  } catch {
    return false;
  }
}
