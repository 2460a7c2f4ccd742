import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, created, ok } from "@/lib/api/route";
import { createSubscription } from "@/lib/server/billing/create-subscription";
import { listSubscriptions } from "@/lib/server/billing/list-subscriptions";
import { paginationQuerySchema } from "@/lib/validations/pagination";
import { createSubscriptionSchema } from "@/lib/validations/subscription";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "read" }, async ({ params, url }) =>
  ok(
    await listSubscriptions({
      customerId: params.id,
      query: paginationQuerySchema.parse(Object.fromEntries(url.searchParams)),
    }),
  ),
);

export const POST = apiRoute<Params>(
  { permission: "write" },
  async ({ params, body, actor, idempotencyKey }) =>
    created(
      await createSubscription({
        customerId: params.id,
        input: createSubscriptionSchema.parse(body),
        actor,
        idempotencyKey,
      }),
    ),
);

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
