import { afterAll, beforeAll } from "vitest";
import { migratedAppDatabase } from "./app-environment";

type Db = typeof import("../../lib/db");

/**
 * For a test file: a migrated database with the app's background work running on it as
 * `npm start` runs it (outbox relay, delivery worker, pg-boss). Call it at the top of the file;
 * the file's own afterAll hooks (registered later) run before this one stops the work.
 */
export function withBackgroundWork(label: string, environment: Record<string, string>) {
  let database: Awaited<ReturnType<typeof migratedAppDatabase>> | undefined;
  let lib: Db | undefined;
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    database = await migratedAppDatabase(label, environment);
    lib = await import("../../lib/db");
    const { startBackgroundWork } = await import("../../lib/runtime/background-work");
    stop = await startBackgroundWork(() => {});
  }, 120_000);

  afterAll(async () => {
    await stop?.();
    await lib?.closeDatabase();
    await database?.drop();
  }, 60_000);

  return {
    db(): ReturnType<Db["db"]> {
      if (!lib) throw new Error("the background work has not started: use db() inside a test");
      return lib.db();
    },
  };
}
