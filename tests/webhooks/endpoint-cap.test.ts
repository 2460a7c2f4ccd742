import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedAppDatabase } from "../support/app-environment";

// WEBHOOK_MAX_ENDPOINTS under a race: registrations sent at the same moment, on a real PostgreSQL.

const CAP = 3;
let database: Awaited<ReturnType<typeof migratedAppDatabase>>;
let lib: typeof import("../../lib/db");

beforeAll(async () => {
  database = await migratedAppDatabase("endpoint_cap", {
    WEBHOOK_MAX_ENDPOINTS: String(CAP),
    WEBHOOK_ALLOW_PRIVATE_URLS: "true",
  });
  lib = await import("../../lib/db");
}, 120_000);

afterAll(async () => {
  await lib?.closeDatabase();
  await database?.drop();
});

describe("createWebhookEndpoint", () => {
  it("lets exactly WEBHOOK_MAX_ENDPOINTS of 10 concurrent registrations through, the others a 409 naming the limit", async () => {
    const { createWebhookEndpoint } = await import("../../lib/webhooks/endpoints/create-webhook-endpoint");
    const { deleteWebhookEndpoint } = await import("../../lib/webhooks/endpoints/delete-webhook-endpoint");
    const actor = { type: "system", id: null } as const;
    const register = (index: number) =>
      createWebhookEndpoint({
        input: { url: `http://127.0.0.1:9/hook-${index}`, enabled_events: ["*"] },
        actor,
      });
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, index) => register(index)));

    const refused = results.filter((result) => result.status === "rejected").map((result) => result.reason);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(CAP);
    expect(refused).toHaveLength(10 - CAP);
    for (const error of refused)
      expect(error).toMatchObject({
        code: "limit_reached",
        options: { extra: { limit: "WEBHOOK_MAX_ENDPOINTS", max: CAP } },
      });
    expect(await lib.db().webhookEndpoint.count({ where: { deletedAt: null } })).toBe(CAP);

    // A deleted endpoint frees its place.
    const first = results.find((result) => result.status === "fulfilled");
    if (first?.status === "fulfilled") await deleteWebhookEndpoint({ id: first.value.id, actor });
    await expect(register(99)).resolves.toMatchObject({ object: "webhook_endpoint" });
    await expect(register(100)).rejects.toMatchObject({ code: "limit_reached" });
  });
});
