import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { refundCharge } from "@/lib/server/charges/refund-charge";
import { refundChargeSchema } from "@/lib/validations/charge";

export const POST = apiRoute<{ id: string }>(
  { permission: "write", bodyOptional: true },
  async ({ params, body, actor, idempotencyKey }) =>
    ok(await refundCharge({ id: params.id, input: refundChargeSchema.parse(body), actor, idempotencyKey })),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
