import { apiRoute, ok } from "@/lib/api/route";
import { listPaymentMethods } from "@/lib/server/payment-methods/list-payment-methods";

export const GET = apiRoute<{ id: string }>({ permission: "read" }, async ({ params }) =>
  ok(await listPaymentMethods(params.id)),
);
