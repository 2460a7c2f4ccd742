import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/subscriptions";
import { createSubscription } from "@/lib/server/subscriptions/create-subscription";
import { listSubscriptions } from "@/lib/server/subscriptions/list-subscriptions";

export const GET = apiRoute(operations.listSubscriptions, ({ params, query }) =>
  listSubscriptions({ customerId: params.id, query }),
);

export const POST = apiRoute(operations.createSubscription, ({ params, body, actor, idempotencyKey }) =>
  createSubscription({ customerId: params.id, input: body, actor, idempotencyKey }),
);

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
