import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/customers";
import { createCustomer } from "@/lib/server/customers/create-customer";
import { listCustomers } from "@/lib/server/customers/list-customers";

export const GET = apiRoute(operations.listCustomers, ({ query }) => listCustomers(query));

export const POST = apiRoute(operations.createCustomer, ({ body, actor }) =>
  createCustomer({ input: body, actor }),
);

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
