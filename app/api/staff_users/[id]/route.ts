import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/staff-users";
import { serializeStaffUser } from "@/lib/serializers/staff-user";
import { updateStaffUser } from "@/lib/server/staff-users/update-staff-user";

export const PATCH = apiRoute(operations.updateStaffUser, async ({ params, body, actor }) =>
  serializeStaffUser(await updateStaffUser({ id: params.id, change: body, actor })),
);

export const { GET, POST, PUT, DELETE } = otherMethods(["PATCH"]);
