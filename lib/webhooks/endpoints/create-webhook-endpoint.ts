import { db, type Tx } from "../../db";
import { env } from "../../env";
import { AppError, validationFailed } from "../../errors/app-error";
import { newId } from "../../ids";
import { encryptSecret } from "../../secret-box";
import { serializeWebhookEndpoint } from "../../serializers/webhook-endpoint";
import type { Actor } from "../../server/audit/actor";
import { recordChange } from "../../server/audit/record-change";
import type { CreateWebhookEndpointInput } from "../../validations/webhook-endpoint";
import { newSigningSecret } from "../sending/standard-webhooks";
import { endpointUrlProblem } from "./endpoint-url";

/**
 * Registers an endpoint; its signing secret is in this response only. Every event fans out to
 * every endpoint, so their number is capped (WEBHOOK_MAX_ENDPOINTS): past it, a 409 naming the
 * limit. Registrations take turns on a transaction lock, so concurrent ones cannot overshoot it.
 */
export async function createWebhookEndpoint({
  input,
  actor,
}: {
  input: CreateWebhookEndpointInput;
  actor: Actor;
}) {
  const problem = await endpointUrlProblem(input.url);
  if (problem) throw validationFailed([{ field: "url", message: problem }]);
  const secret = newSigningSecret();
  // Registrations are rare and queue on the cap's lock while holding their connection: a burst
  // of them on a loaded machine may wait longer for one than Prisma's default 2 s.
  return db().$transaction(
    async (tx) => {
      await ensureBelowCap(tx);
      const row = await tx.webhookEndpoint.create({
        data: {
          id: newId("webhookEndpoint"),
          url: input.url,
          description: input.description ?? null,
          enabledEvents: [...new Set(input.enabled_events)],
          secretEncrypted: encryptSecret(secret),
        },
      });
      const endpoint = serializeWebhookEndpoint(row);
      await recordChange(tx, {
        actor,
        action: "webhook_endpoint.created",
        entityType: "webhook_endpoint",
        entityId: row.id,
        customerId: null,
        before: null,
        after: endpoint,
        emitEvent: false,
      });
      return { ...endpoint, secret };
    },
    { maxWait: 10_000 },
  );
}

async function ensureBelowCap(tx: Tx): Promise<void> {
  await tx.$queryRaw`select 1 as locked from pg_advisory_xact_lock(hashtext('webhook_endpoints.cap'))`;
  const limit = env().WEBHOOK_MAX_ENDPOINTS;
  const active = await tx.webhookEndpoint.count({ where: { deletedAt: null } });
  if (active >= limit)
    throw new AppError(
      "limit_reached",
      `This installation already has ${active} webhook endpoints, the most WEBHOOK_MAX_ENDPOINTS allows (${limit}). Delete one before registering another.`,
      { extra: { limit: "WEBHOOK_MAX_ENDPOINTS", max: limit } },
    );
}
