import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/customers";
import { deleteCustomer } from "@/lib/server/customers/delete-customer";
import { getCustomer } from "@/lib/server/customers/get-customer";
import { updateCustomer } from "@/lib/server/customers/update-customer";

export const GET = apiRoute(operations.getCustomer, ({ params }) => getCustomer(params.id));

export const PATCH = apiRoute(operations.updateCustomer, ({ params, body, actor }) =>
  updateCustomer({ id: params.id, input: body, actor }),
);

export const DELETE = apiRoute(operations.deleteCustomer, ({ params, actor }) =>
  deleteCustomer({ id: params.id, actor }),
);

export const { POST, PUT } = otherMethods(["GET", "PATCH", "DELETE"]);
