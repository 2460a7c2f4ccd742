import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/payment-links";
import { createPaymentLink } from "@/lib/server/payment-links/create-payment-link";

export const GET = apiRoute(operations.createPaymentLink, ({ params, query, actor }) =>
  createPaymentLink({ customerId: params.id, returnUrl: query.return_url ?? null, actor }),
);

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
