import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/invoices";
import { getInvoice } from "@/lib/server/invoices/get-invoice";

export const GET = apiRoute(operations.getInvoice, ({ params }) => getInvoice(params.id));

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
