import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/charges";
import { refundCharge } from "@/lib/server/charges/refund-charge";

export const POST = apiRoute(operations.refundCharge, ({ params, body, actor, idempotencyKey }) =>
  refundCharge({ id: params.id, input: body, actor, idempotencyKey }),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
