import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/customer-activity";
import { listCustomerAuditTrail } from "@/lib/server/audit/list-customer-audit-trail";

export const GET = apiRoute(operations.listAuditTrail, ({ params, query }) =>
  listCustomerAuditTrail({ customerId: params.id, query }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
