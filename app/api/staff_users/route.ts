import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/staff-users";
import { page, windowOf } from "@/lib/pagination/cursor";
import { serializeStaffUser } from "@/lib/serializers/staff-user";
import { createStaffUser } from "@/lib/server/staff-users/create-staff-user";
import { listStaffUsers } from "@/lib/server/staff-users/list-staff-users";

export const GET = apiRoute(operations.listStaffUsers, async ({ query }) =>
  page(await listStaffUsers(windowOf(query, "staffUser")), query.limit, serializeStaffUser),
);

export const POST = apiRoute(operations.createStaffUser, async ({ body }) =>
  serializeStaffUser(await createStaffUser(body)),
);

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
