import { db } from "../../db";
import { staffUserSelect } from "../../serializers/staff-user";

export function listStaffUsers() {
  return db().staffUser.findMany({ orderBy: { id: "desc" }, select: staffUserSelect });
}
