import { db } from "../db";
import { decryptSecret } from "../secret-box";
import { endpointUrlProblem } from "../webhooks/endpoint-url";
import { signatureHeaders } from "../webhooks/standard-webhooks";

const TIMEOUT_MS = 10_000;

export class DeliveryFailed extends Error {}

/**
 * One delivery attempt of one event to one endpoint, recorded whatever happens. Throws
 * DeliveryFailed on a non-2xx answer, a network error or a timeout, so that the queue retries
 * with back-off; on the last attempt (`final`) the delivery is marked failed instead.
 */
export async function deliverWebhook(deliveryId: string, { final }: { final: boolean }): Promise<void> {
  const delivery = await db().webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { endpoint: true, event: true },
  });
  if (delivery?.status !== "pending") return;
  if (delivery.endpoint.deletedAt) {
    await db().webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "failed", lastError: "endpoint deleted" },
    });
    return;
  }
  const body = JSON.stringify({
    id: delivery.event.id,
    type: delivery.event.type,
    created_at: delivery.event.createdAt.toISOString(),
    data: delivery.event.data,
  });
  const number = delivery.attemptCount + 1;
  const started = Date.now();
  const outcome = await post(
    delivery.endpoint.url,
    body,
    signatureHeaders(decryptSecret(delivery.endpoint.secretEncrypted), delivery.id, body),
  );
  const succeeded = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  await db().$transaction([
    db().webhookDeliveryAttempt.createMany({
      data: [
        {
          deliveryId,
          number,
          statusCode: outcome.statusCode,
          error: outcome.error,
          durationMs: Date.now() - started,
        },
      ],
      skipDuplicates: true,
    }),
    db().webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        attemptCount: number,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        status: succeeded ? "succeeded" : final ? "failed" : "pending",
        deliveredAt: succeeded ? new Date() : null,
      },
    }),
  ]);
  if (!succeeded && !final)
    throw new DeliveryFailed(
      `delivery ${deliveryId} attempt ${number}: ${outcome.error ?? `HTTP ${outcome.statusCode}`}`,
    );
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ statusCode: number | null; error: string | null }> {
  const problem = await endpointUrlProblem(url);
  if (problem) return { statusCode: null, error: `refused: the URL ${problem}` };
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "user-agent": "DonutWork-Webhooks/1.0", ...headers },
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    return { statusCode: response.status, error: response.ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const name = (error as Error).name;
    return {
      statusCode: null,
      error: name === "TimeoutError" ? `timed out after ${TIMEOUT_MS / 1000} s` : (error as Error).message,
    };
  }
}
