import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { deleteCustomer } from "@/lib/server/customers/delete-customer";
import { getCustomer } from "@/lib/server/customers/get-customer";
import { updateCustomer } from "@/lib/server/customers/update-customer";
import { updateCustomerSchema } from "@/lib/validations/customer";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "read" }, async ({ params }) =>
  ok(await getCustomer(params.id)),
);

export const PATCH = apiRoute<Params>({ permission: "write" }, async ({ params, body, actor }) =>
  ok(await updateCustomer({ id: params.id, input: updateCustomerSchema.parse(body), actor })),
);

export const DELETE = apiRoute<Params>({ permission: "write" }, async ({ params, actor }) =>
  ok(await deleteCustomer({ id: params.id, actor })),
);

export const { POST, PUT } = otherMethods(["GET", "PATCH", "DELETE"]);
