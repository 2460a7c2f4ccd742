import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { serializeStaffUser } from "@/lib/serializers/staff-user";
import { updateStaffUser } from "@/lib/server/staff-users/update-staff-user";
import { updateStaffUserSchema } from "@/lib/validations/staff-user";

/** PATCH changes the role, disables or enables, or sets a new password; admins only. */
export const PATCH = apiRoute<{ id: string }>({ permission: "admin" }, async ({ params, body, actor }) =>
  ok(
    serializeStaffUser(
      await updateStaffUser({ id: params.id, change: updateStaffUserSchema.parse(body), actor }),
    ),
  ),
);

export const { GET, POST, PUT, DELETE } = otherMethods(["PATCH"]);
