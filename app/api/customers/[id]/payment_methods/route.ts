import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { listPaymentMethods } from "@/lib/server/payment-methods/list-payment-methods";
import { listPaymentMethodsQuerySchema } from "@/lib/validations/payment-method";

export const GET = apiRoute<{ id: string }>({ permission: "read" }, async ({ params, url }) => {
  const query = listPaymentMethodsQuerySchema.parse(Object.fromEntries(url.searchParams));
  return ok(
    await listPaymentMethods({ customerId: params.id, includeDetached: query.include_detached === "true" }),
  );
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
