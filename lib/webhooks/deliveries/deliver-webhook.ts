import { db } from "../../db";
import { decryptSecret } from "../../secret-box";
import type { WebhookSender } from "../sending/send-webhook";
import { signatureHeaders } from "../sending/standard-webhooks";
import type { DeliveryClaim } from "./claim-deliveries";
import { isLastAttempt, retryDelayMs } from "./retry-schedule";

/**
 * One attempt of one claimed delivery, recorded whatever happens: the attempt row, and on the
 * delivery its outcome and, unless it succeeded or that was the last attempt, when it is due
 * again (retry-schedule.ts). A failing endpoint thus waits in the table for its next turn
 * without holding a worker. Recorded only while the claim is still ours, so a worker whose
 * claim lapsed (it hung past its lease) cannot overwrite the next worker's result.
 */
export async function deliverWebhook(claim: DeliveryClaim, send: WebhookSender): Promise<void> {
  const delivery = await db().webhookDelivery.findUnique({
    where: { id: claim.id },
    include: { endpoint: true, event: true },
  });
  if (delivery?.status !== "pending") return;
  const ours = { id: claim.id, status: "pending", leasedUntil: claim.leasedUntil };
  if (delivery.endpoint.deletedAt) {
    // Deleted after this was claimed (deleting an endpoint fails its pending deliveries).
    await db().webhookDelivery.updateMany({
      where: ours,
      data: { status: "failed", lastError: "endpoint deleted", nextAttemptAt: null, leasedUntil: null },
    });
    return;
  }
  const number = delivery.attemptCount + 1;
  const started = Date.now();
  const body = JSON.stringify({
    id: delivery.event.id,
    type: delivery.event.type,
    created_at: delivery.event.createdAt.toISOString(),
    data: delivery.event.data,
  });
  const outcome = await send({
    url: delivery.endpoint.url,
    body,
    headers: signatureHeaders(decryptSecret(delivery.endpoint.secretEncrypted), delivery.id, body),
  });
  const succeeded = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  const done = succeeded || isLastAttempt(number);
  await db().$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { ...ours, attemptCount: delivery.attemptCount },
      data: {
        attemptCount: number,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        status: succeeded ? "succeeded" : done ? "failed" : "pending",
        deliveredAt: succeeded ? new Date() : null,
        nextAttemptAt: done ? null : new Date(Date.now() + retryDelayMs(number)),
        leasedUntil: null,
      },
    });
    if (count === 1)
      await tx.webhookDeliveryAttempt.create({
        data: {
          deliveryId: claim.id,
          number,
          statusCode: outcome.statusCode,
          error: outcome.error,
          durationMs: Date.now() - started,
        },
      });
  });
}
