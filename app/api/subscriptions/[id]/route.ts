import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/subscriptions";
import { serializeSubscription } from "@/lib/serializers/subscription";
import { cancelSubscription } from "@/lib/server/subscriptions/cancel-subscription";
import { getSubscriptionRowOrThrow } from "@/lib/server/subscriptions/get-subscription-row";
import { updateSubscription } from "@/lib/server/subscriptions/update-subscription";

export const GET = apiRoute(operations.getSubscription, async ({ params }) =>
  serializeSubscription(await getSubscriptionRowOrThrow(params.id)),
);

export const PATCH = apiRoute(operations.updateSubscription, ({ params, body, actor }) =>
  updateSubscription({ id: params.id, input: body, actor }),
);

export const DELETE = apiRoute(operations.cancelSubscription, ({ params, query, actor }) =>
  cancelSubscription({ id: params.id, atPeriodEnd: query.at_period_end === "true", actor }),
);

export const { POST, PUT } = otherMethods(["GET", "PATCH", "DELETE"]);
