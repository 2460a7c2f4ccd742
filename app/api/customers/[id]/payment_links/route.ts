import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { listPaymentLinks } from "@/lib/server/payment-links/list-payment-links";

export const GET = apiRoute<{ id: string }>({ permission: "read" }, async ({ params }) =>
  ok(await listPaymentLinks(params.id)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
