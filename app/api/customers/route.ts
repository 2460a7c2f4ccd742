import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, created, ok } from "@/lib/api/route";
import { createCustomer } from "@/lib/server/customers/create-customer";
import { listCustomers } from "@/lib/server/customers/list-customers";
import { createCustomerSchema, listCustomersQuerySchema } from "@/lib/validations/customer";

export const GET = apiRoute({ permission: "read" }, async ({ url }) =>
  ok(await listCustomers(listCustomersQuerySchema.parse(Object.fromEntries(url.searchParams)))),
);

export const POST = apiRoute({ permission: "write" }, async ({ body, actor }) =>
  created(await createCustomer({ input: createCustomerSchema.parse(body), actor })),
);

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
