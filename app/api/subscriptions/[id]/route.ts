import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { serializeSubscription } from "@/lib/serializers/subscription";
import { cancelSubscription } from "@/lib/server/billing/cancel-subscription";
import { getSubscriptionRowOrThrow } from "@/lib/server/billing/get-subscription-row";
import { updateSubscription } from "@/lib/server/billing/update-subscription";
import { cancelSubscriptionQuerySchema, updateSubscriptionSchema } from "@/lib/validations/subscription";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "read" }, async ({ params }) =>
  ok(serializeSubscription(await getSubscriptionRowOrThrow(params.id))),
);

export const PATCH = apiRoute<Params>({ permission: "write" }, async ({ params, body, actor }) =>
  ok(await updateSubscription({ id: params.id, input: updateSubscriptionSchema.parse(body), actor })),
);

export const DELETE = apiRoute<Params>({ permission: "write" }, async ({ params, url, actor }) => {
  const query = cancelSubscriptionQuerySchema.parse(Object.fromEntries(url.searchParams));
  return ok(await cancelSubscription({ id: params.id, atPeriodEnd: query.at_period_end === "true", actor }));
});

export const { POST, PUT } = otherMethods(["GET", "PATCH", "DELETE"]);
