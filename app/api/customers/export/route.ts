import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/customers";
import { exportCustomers } from "@/lib/server/customers/export-customers";

// GET /customers.csv (next.config.mjs maps it here).
export const GET = apiRoute(operations.exportCustomers, ({ query }) => exportCustomers(query));

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
