import type { Principal } from "../../auth/roles";
import { db } from "../../db";
import { page, windowOf } from "../../pagination/cursor";
import { serializeWebhookDelivery } from "../../serializers/webhook-delivery";
import { getCustomerRowOrThrow } from "../../server/customers/get-customer";
import type { PaginationQuery } from "../../validations/pagination";

/**
 * The outgoing webhook deliveries about one customer, newest first, by cursor, with the event
 * type and the endpoint URL as `viewer` may see it.
 */
export async function listCustomerWebhookDeliveries({
  customerId,
  query,
  viewer,
}: {
  customerId: string;
  query: PaginationQuery;
  viewer: Principal;
}) {
  await getCustomerRowOrThrow(customerId);
  const { beforeId, take } = windowOf(query, "webhookDelivery");
  const fetched = await db().webhookDelivery.findMany({
    where: { customerId, ...(beforeId ? { id: { lt: beforeId } } : {}) },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      status: true,
      attemptCount: true,
      lastStatusCode: true,
      lastError: true,
      nextAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
      event: { select: { id: true, type: true } },
      endpoint: { select: { id: true, url: true } },
    },
  });
  return page(fetched, query.limit, (row) => serializeWebhookDelivery(row, viewer));
}
