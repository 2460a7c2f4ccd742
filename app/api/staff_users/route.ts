import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, created, ok } from "@/lib/api/route";
import { serializeStaffUser } from "@/lib/serializers/staff-user";
import { createStaffUser } from "@/lib/server/staff-users/create-staff-user";
import { listStaffUsers } from "@/lib/server/staff-users/list-staff-users";
import { createStaffUserSchema } from "@/lib/validations/staff-user";

export const GET = apiRoute({ permission: "admin" }, async () => {
  const users = await listStaffUsers();
  return ok({ object: "list", data: users.map(serializeStaffUser), has_more: false, next_cursor: null });
});

export const POST = apiRoute({ permission: "admin" }, async ({ body }) =>
  created(serializeStaffUser(await createStaffUser(createStaffUserSchema.parse(body)))),
);

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
