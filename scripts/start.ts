// npm start: everything DonutWork needs on one machine. Applies migrations to DATABASE_URL or
// to an embedded PostgreSQL in the data dir, starts the Stripe emulator when no Stripe key is
// set, builds the app if needed, serves it on PORT and stops all of it cleanly on SIGINT/SIGTERM.
// A fault the user can fix (a taken port, a full or read-only data dir, a database that refuses
// us) ends it with one message that says what to do, and exit code 1.
import path from "node:path";
import { dataDir } from "../lib/runtime/data-dir";
import { describeServer } from "../lib/runtime/database-server";
import { acquireDatabase } from "../lib/runtime/embedded-database";
import { startLocalStripe } from "../lib/runtime/local-stripe";
import { applyMigrations } from "../lib/runtime/migrations";
import { buildIfStale, startNext } from "../lib/runtime/next-server";
import { portIsFree, portTaken, requireFreePort } from "../lib/runtime/port";
import { runtimeEnvironment } from "../lib/runtime/runtime-environment";
import { describeProblems, userFacingProblems } from "../lib/runtime/startup-failure";
import { waitUntilServing } from "../lib/runtime/wait-until-serving";

const log = (line: string) => console.log(`[donutwork] ${line}`);
const development = process.argv.includes("--dev");

const cleanups: (() => Promise<void>)[] = [];
let stopping = false;

async function stop(code: number, reason?: string) {
  if (stopping) return;
  stopping = true;
  if (reason) log(reason);
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
process.on("SIGINT", () => void stop(0, "Stopping…"));
process.on("SIGTERM", () => void stop(0, "Stopping…"));

try {
  await start();
} catch (error) {
  // While stopping (Ctrl-C mid-start), what fails under us is the stop itself, not a fault.
  if (!stopping) {
    const problems = userFacingProblems(error);
    if (problems) console.error(describeProblems("DonutWork cannot start", problems));
    else console.error("[donutwork] Start-up failed:", error);
    await stop(1);
  }
}

async function start() {
  const environment = runtimeEnvironment();
  // Before anything slow (the database, a build): a taken port is the commonest first fault.
  await requireFreePort(environment.port);

  const database = await acquireDatabase(log);
  cleanups.push(() => database.release());
  Object.assign(process.env, environment.variables, { DATABASE_URL: database.url });
  // Close this process's own connections before PostgreSQL stops, so none dies mid-use.
  cleanups.push(async () => (await import("../lib/db")).closeDatabase());
  log(
    environment.localMode
      ? `Local mode: data in ${dataDir()}`
      : `Using the PostgreSQL server at ${describeServer(database.url).where} (DATABASE_URL)`,
  );
  await applyMigrations(database.url, { log });
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
        if (next.exitCode !== null || next.signalCode !== null) return resolve();
        next.once("exit", () => resolve());
        next.kill("SIGTERM");
      }),
  );
  if ((await waitUntilServing(next, environment.port)) === "exited") {
    // Someone took the port while the app was built or started: the same message as before.
    if (!(await portIsFree(environment.port))) throw await portTaken(environment.port);
    throw new Error(`the web server exited (${next.exitCode ?? next.signalCode}) before serving`);
  }
  next.on("exit", (code) => {
    if (!stopping) {
      console.error(`[donutwork] The web server exited (${code}); stopping.`);
      void stop(code ?? 1);
    }
  });

  // Only now, with the app serving: a start that fails earlier must not use up the one showing
  // of the demo password.
  const { ensureDemoLogin } = await import("../lib/runtime/demo-login");
  const demo = await ensureDemoLogin();
  log(`DonutWork is running at ${environment.appUrl}`);
  if (demo) log(`Demo staff login (shown once): ${demo.email} / ${demo.password}`);
}

function isLostConnection(error: Error): boolean {
  return /Connection terminated|terminating connection|ECONNRESET|not queryable/i.test(error.message);
}
