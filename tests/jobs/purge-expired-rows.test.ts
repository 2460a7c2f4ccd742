import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../lib/runtime/migrations";
import { useAppEnvironment } from "../support/app-environment";
import { freshDatabase } from "../support/database";

let database: Awaited<ReturnType<typeof freshDatabase>>;
let lib: typeof import("../../lib/db");

beforeAll(async () => {
  database = await freshDatabase("purge");
  await applyMigrations(database.url);
  useAppEnvironment(database.url);
  lib = await import("../../lib/db");
}, 120_000);

afterAll(async () => {
  await lib?.closeDatabase();
  await database?.drop();
});

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);

describe("purgeExpiredRows", () => {
  it("deletes idempotency keys older than 24 h and rate-limit windows of more than a day ago, and nothing else", async () => {
    const { purgeExpiredRows } = await import("../../lib/jobs/purge-expired-rows");
    const db = lib.db();
    const key = (name: string, createdAt: Date) => ({
      principal: "api_key:key_test",
      key: name,
      requestHash: "h",
      responseStatus: 201,
      createdAt,
      lockedAt: createdAt,
    });
    await db.idempotencyKey.createMany({
      data: [key("expired", hoursAgo(25)), key("just-expired", hoursAgo(24.01)), key("fresh", hoursAgo(23))],
    });
    await db.rateLimitBucket.createMany({
      data: [
        { bucket: "sign-in:old", windowStart: hoursAgo(25), hits: 3 },
        { bucket: "sign-in:recent", windowStart: hoursAgo(0.2), hits: 1 },
      ],
    });

    expect(await purgeExpiredRows()).toEqual({ idempotency_keys: 2, rate_limit_buckets: 1 });
    expect((await db.idempotencyKey.findMany()).map((row) => row.key)).toEqual(["fresh"]);
    expect((await db.rateLimitBucket.findMany()).map((row) => row.bucket)).toEqual(["sign-in:recent"]);
    expect(await purgeExpiredRows()).toEqual({ idempotency_keys: 0, rate_limit_buckets: 0 });
  });
});
