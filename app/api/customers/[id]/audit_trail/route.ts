import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { listCustomerAuditTrail } from "@/lib/server/audit/list-customer-audit-trail";

export const GET = apiRoute<{ id: string }>({ permission: "read" }, async ({ params }) =>
  ok(await listCustomerAuditTrail(params.id)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
