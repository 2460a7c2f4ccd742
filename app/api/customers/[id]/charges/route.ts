import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/charges";
import { createCharge } from "@/lib/server/charges/create-charge";
import { listCharges } from "@/lib/server/charges/list-charges";

export const GET = apiRoute(operations.listCharges, ({ params, query }) =>
  listCharges({ customerId: params.id, query }),
);

export const POST = apiRoute(operations.createCharge, ({ params, body, actor, idempotencyKey }) =>
  createCharge({ customerId: params.id, input: body, actor, idempotencyKey }),
);

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
