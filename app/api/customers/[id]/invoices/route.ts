import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/invoices";
import { listInvoices } from "@/lib/server/invoices/list-invoices";

export const GET = apiRoute(operations.listCustomerInvoices, ({ params, query }) =>
  listInvoices({ customerId: params.id, query }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
