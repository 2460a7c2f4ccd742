import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedAppDatabase } from "../support/app-environment";

let database: Awaited<ReturnType<typeof migratedAppDatabase>>;
let lib: typeof import("../../lib/db");

beforeAll(async () => {
  database = await migratedAppDatabase("purge");
  lib = await import("../../lib/db");
}, 120_000);

afterAll(async () => {
  await lib?.closeDatabase();
  await database?.drop();
});

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);

describe("purgeExpiredRows", () => {
  it("deletes idempotency keys older than 24 h and rate-limit rows whose window ended over an hour ago, and nothing else", async () => {
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
    await db.rateLimit.createMany({
      data: [
        { key: "sign-in:old", points: 3, expire: BigInt(hoursAgo(1.01).getTime()) },
        { key: "sign-in:ended-recently", points: 2, expire: BigInt(hoursAgo(0.5).getTime()) },
        { key: "sign-in:running", points: 1, expire: BigInt(Date.now() + 600_000) },
      ],
    });

    expect(await purgeExpiredRows()).toEqual({ idempotency_keys: 2, rate_limits: 1 });
    expect((await db.idempotencyKey.findMany()).map((row) => row.key)).toEqual(["fresh"]);
    expect((await db.rateLimit.findMany({ orderBy: { key: "asc" } })).map((row) => row.key)).toEqual([
      "sign-in:ended-recently",
      "sign-in:running",
    ]);
    expect(await purgeExpiredRows()).toEqual({ idempotency_keys: 0, rate_limits: 0 });
  });
});
