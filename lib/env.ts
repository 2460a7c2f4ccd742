import { z } from "zod";

/**
 * The one place that reads process.env. Read lazily, on first use, because `next build`
 * imports route modules without the runtime environment. scripts/start.ts fills in the
 * local-mode values (embedded database, generated secrets, the Stripe emulator) before the
 * app starts, so the app itself only ever sees a complete environment.
 */
const flagValues = z.enum(["1", "0", "true", "false"]).optional();
const booleanFlag = flagValues.transform((value) => value === "1" || value === "true");
/** A flag whose absence means "decide from the rest of the environment". */
const optionalFlag = flagValues.transform((value) =>
  value === undefined ? undefined : value === "1" || value === "true",
);

/** The report pool's settings (lib/db.ts), also read on their own: see reportConnectionSettings. */
function reportConnectionFields() {
  return {
    /** Database connections all report queries of one process share (a pool of their own). */
    REPORT_CONNECTIONS: z.coerce.number().int().positive().max(20).default(3),
    /** The longest a report statement may run before PostgreSQL cancels it (503). */
    REPORT_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().positive().max(120).default(10),
  };
}

const schema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required"),
  APP_URL: z.url(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_").optional(),
  /**
   * Bill subscriptions and one-time charges with Stripe Tax (`automatic_tax`), from the customer's
   * address; a customer whose address Stripe cannot tax is then refused (lib/server/tax).
   */
  STRIPE_AUTOMATIC_TAX: booleanFlag,
  /** Base URL of the local Stripe emulator; only ever used when STRIPE_SECRET_KEY is unset. */
  STRIPE_EMULATOR_URL: z.url().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1, "STRIPE_WEBHOOK_SECRET is required"),
  ENCRYPTION_KEY: z.string().min(32, "ENCRYPTION_KEY must be at least 32 characters"),
  /**
   * Outgoing webhooks may be http and target loopback and private addresses. Unset: allowed only
   * while the Stripe emulator is in use (local development), see lib/webhooks/sending/url-policy.ts.
   */
  WEBHOOK_ALLOW_PRIVATE_URLS: optionalFlag,
  /** Active webhook endpoints the installation may have; every event fans out to all of them. */
  WEBHOOK_MAX_ENDPOINTS: z.coerce.number().int().min(1).max(1000).default(16),
  /** Deliveries in flight to one endpoint at a time, across all instances. */
  WEBHOOK_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** First retry delay of an outgoing webhook, doubled after every failed attempt. */
  WEBHOOK_RETRY_DELAY_SECONDS: z.coerce.number().positive().default(10),
  /** Retries after the first attempt before a delivery is marked failed. */
  WEBHOOK_MAX_RETRIES: z.coerce.number().int().min(0).max(30).default(15),
  PAYMENT_LINK_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  /** Hosts a payment link's return_url may point to, comma separated. */
  RETURN_URL_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((hosts) =>
      hosts
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Requests per second per API key or staff user (a token bucket of RATE_LIMIT_BURST). */
  RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(100),
  RATE_LIMIT_BURST: z.coerce.number().int().positive().default(200),
  /** Failed API authentications per minute per client address before 429 (shared by all instances). */
  RATE_LIMIT_FAILED_AUTH_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Failed sign-ins per 15 minutes per client address before 429 (shared by all instances). */
  SIGN_IN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  /**
   * How many proxies in front of the app append to X-Forwarded-For: the client address is the
   * entry that many places left of the socket's (lib/http/client-address.ts). 0: the socket.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),
  /** Older spelling of TRUSTED_PROXY_HOPS=1 (one balancer in front), used when that is unset. */
  TRUST_PROXY: booleanFlag,
  /** Report endpoints (GET /metrics.json) one API key or staff user may run at once; more get 429. */
  REPORT_CONCURRENCY_PER_CALLER: z.coerce.number().int().positive().default(2),
  ...reportConnectionFields(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= parsed(schema);
  return cached;
}

/**
 * Only the report pool's settings: lib/db.ts is also used by the CLI, scripts and tests, which
 * have no app environment (no APP_URL, no AUTH_SECRET) and must not need one for a report.
 */
export function reportConnectionSettings() {
  return parsed(z.object(reportConnectionFields()));
}

function parsed<T>(of: z.ZodType<T>): T {
  const result = of.safeParse(process.env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
}

/**
 * Whether Next runs in development (`next dev`), read without the rest of the environment: the
 * proxy needs only this, for the CSP that dev's hot reloading needs.
 */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}

/** Only the database URL: for the CLI and scripts, which need nothing else of the environment. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}
