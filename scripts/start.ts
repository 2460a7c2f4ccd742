// npm start: everything DonutWork needs on one machine. Applies migrations to DATABASE_URL or
// to an embedded PostgreSQL in the data dir, starts the Stripe emulator when no Stripe key is
// set, builds the app if needed, serves it on PORT and stops all of it cleanly on SIGINT/SIGTERM.
import path from "node:path";
import { dataDir } from "../lib/runtime/data-dir";
import { acquireDatabase } from "../lib/runtime/embedded-database";
import { startLocalStripe } from "../lib/runtime/local-stripe";
import { applyMigrations } from "../lib/runtime/migrations";
import { buildIfStale, startNext } from "../lib/runtime/next-server";
import { runtimeEnvironment, StartupError } from "../lib/runtime/runtime-environment";

const log = (line: string) => console.log(`[donutwork] ${line}`);
const development = process.argv.includes("--dev");

let environment: ReturnType<typeof runtimeEnvironment>;
try {
  environment = runtimeEnvironment();
} catch (error) {
  if (error instanceof StartupError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const database = await acquireDatabase(log);
Object.assign(process.env, environment.variables, { DATABASE_URL: database.url });
const cleanups: (() => Promise<void>)[] = [
  () => database.release(),
  // Close this process's own connections before PostgreSQL stops, so none dies mid-use.
  async () => (await import("../lib/db")).closeDatabase(),
];
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  log("Stopping…");
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
  process.exit(code);
}
// Ctrl-C and `kill -TERM -<group>` reach the embedded PostgreSQL too, which then shuts down by
// itself (cleanly); connections dropping under us while we stop are expected, not a crash.
// Likewise a database connection lost under a pool (a restart, a network cut) is reported by
// the pool's users as failed queries; its stray error event must not take the app down.
process.on("uncaughtException", (error) => {
  if (!stopping && !isLostConnection(error)) throw error;
  log(`${stopping ? "while stopping" : "database connection lost"}: ${error.message}`);
});
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  log(
    environment.localMode
      ? `Local mode: data in ${dataDir()}`
      : "Using the PostgreSQL server at DATABASE_URL",
  );
  await applyMigrations(database.url);
  log("Database migrations applied.");

  if (environment.usesStripeEmulator) {
    const stripe = await startLocalStripe({
      appUrl: environment.appUrl,
      stateFile: path.join(dataDir(), "stripe-emulator.json"),
      log,
    });
    process.env.STRIPE_EMULATOR_URL = stripe.url;
    cleanups.push(() => stripe.close());
    log(
      "!!! STRIPE_SECRET_KEY is not set: using the built-in Stripe EMULATOR. No real payments are made. !!!",
    );
  }

  const { startBackgroundWork } = await import("../lib/runtime/background-work");
  cleanups.push(await startBackgroundWork(log));

  if (!development) await buildIfStale(log);
  const next = startNext(development ? "development" : "production", environment.port, {
    ...environment.variables,
    DATABASE_URL: database.url,
    ...(process.env.STRIPE_EMULATOR_URL ? { STRIPE_EMULATOR_URL: process.env.STRIPE_EMULATOR_URL } : {}),
  });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        if (next.exitCode !== null) return resolve();
        next.once("exit", () => resolve());
        next.kill("SIGTERM");
      }),
  );
  next.on("exit", (code) => {
    if (!stopping) {
      console.error(`[donutwork] The web server exited (${code}); stopping.`);
      void stop(code ?? 1);
    }
  });

  const { ensureDemoLogin } = await import("../lib/runtime/demo-login");
  const demo = await ensureDemoLogin();
  log(`DonutWork is running at ${environment.appUrl}`);
  if (demo) log(`Demo staff login (shown once): ${demo.email} / ${demo.password}`);
} catch (error) {
  console.error("[donutwork] Start-up failed:", error);
  await stop(1);
}

function isLostConnection(error: Error): boolean {
  return /Connection terminated|terminating connection|ECONNRESET|not queryable/i.test(error.message);
}
