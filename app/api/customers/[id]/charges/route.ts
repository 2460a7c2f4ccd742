import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, created, ok } from "@/lib/api/route";
import { createCharge } from "@/lib/server/charges/create-charge";
import { listCharges } from "@/lib/server/charges/list-charges";
import { createChargeSchema } from "@/lib/validations/charge";
import { paginationQuerySchema } from "@/lib/validations/pagination";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "read" }, async ({ params, url }) =>
  ok(
    await listCharges({
      customerId: params.id,
      query: paginationQuerySchema.parse(Object.fromEntries(url.searchParams)),
    }),
  ),
);

// A charge moves money: the Idempotency-Key is required, so that a retry can never charge twice.
export const POST = apiRoute<Params>(
  { permission: "write", idempotencyKey: "required" },
  async ({ params, body, actor, idempotencyKey }) =>
    created(
      await createCharge({
        customerId: params.id,
        input: createChargeSchema.parse(body),
        actor,
        idempotencyKey: idempotencyKey as string,
      }),
    ),
);

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
