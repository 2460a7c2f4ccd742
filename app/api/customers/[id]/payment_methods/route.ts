import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { listPaymentMethods } from "@/lib/server/payment-methods/list-payment-methods";

export const GET = apiRoute<{ id: string }>({ permission: "read" }, async ({ params, url }) =>
  ok(
    await listPaymentMethods({
      customerId: params.id,
      includeDetached: url.searchParams.get("include_detached") === "true",
    }),
  ),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
