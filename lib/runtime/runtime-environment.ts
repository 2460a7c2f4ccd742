import { localSecrets } from "./local-secrets";
import { StartupError } from "./startup-error";

export interface RuntimeEnvironment {
  localMode: boolean;
  usesStripeEmulator: boolean;
  port: number;
  appUrl: string;
  /** The variables the app process is started with (beside the inherited ones). */
  variables: Record<string, string>;
}

/**
 * Works out the app's environment before it starts. With DATABASE_URL unset ("local mode")
 * missing secrets are generated once and kept in the data dir; with DATABASE_URL set, missing
 * secrets are a start-up error, because generating them would silently break sessions and
 * webhook signatures on every restart or on a second instance.
 */
export function runtimeEnvironment(source: NodeJS.ProcessEnv = process.env): RuntimeEnvironment {
  const localMode = !source.DATABASE_URL;
  const usesStripeEmulator = !source.STRIPE_SECRET_KEY;
  const port = Number(source.PORT || 3000);
  const appUrl = (source.APP_URL || `http://localhost:${port}`).replace(/\/$/, "");
  const problems: string[] = [];
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    problems.push(`PORT must be a port number from 1 to 65535, not "${source.PORT}".`);
  if (!localMode && !source.AUTH_SECRET)
    problems.push("AUTH_SECRET is required when DATABASE_URL is set (e.g. `openssl rand -base64 32`).");
  if (!usesStripeEmulator && !source.STRIPE_WEBHOOK_SECRET)
    problems.push("STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set.");
  if (!localMode && !source.ENCRYPTION_KEY && !usesStripeEmulator)
    problems.push("ENCRYPTION_KEY is required when DATABASE_URL and STRIPE_SECRET_KEY are set.");
  if (problems.length > 0) throw new StartupError(problems);

  // Secrets come from the environment first; the data dir fills what is missing in local mode
  // (and, with an external database, only the emulator's webhook secret and the encryption key
  // of a development setup).
  const generated = localMode || usesStripeEmulator ? localSecrets() : undefined;
  const variables: Record<string, string> = {
    PORT: String(port),
    APP_URL: appUrl,
    AUTH_URL: appUrl,
    AUTH_TRUST_HOST: "true",
    AUTH_SECRET: source.AUTH_SECRET || (generated?.authSecret ?? ""),
    STRIPE_WEBHOOK_SECRET: source.STRIPE_WEBHOOK_SECRET || (generated?.stripeWebhookSecret ?? ""),
    ENCRYPTION_KEY: source.ENCRYPTION_KEY || (generated?.encryptionKey ?? ""),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  return { localMode, usesStripeEmulator, port, appUrl, variables };
}
