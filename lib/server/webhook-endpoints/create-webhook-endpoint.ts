import { validationFailed } from "../../api/api-error";
import { db } from "../../db";
import { newId } from "../../ids";
import { encryptSecret } from "../../secret-box";
import { serializeWebhookEndpoint } from "../../serializers/webhook-endpoint";
import type { CreateWebhookEndpointInput } from "../../validations/webhook-endpoint";
import { endpointUrlProblem } from "../../webhooks/endpoint-url";
import { newSigningSecret } from "../../webhooks/standard-webhooks";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";

/** Registers an endpoint; its signing secret is in this response only. */
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
  return db().$transaction(async (tx) => {
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
  });
}
