import { db } from "../../db";
import { staffUserSelect } from "../../serializers/staff-user";

/** The staff users, newest first; `window` selects one page of them, else all. */
export function listStaffUsers(window: { beforeId?: string; take?: number } = {}) {
  return db().staffUser.findMany({
    where: window.beforeId ? { id: { lt: window.beforeId } } : {},
    orderBy: { id: "desc" },
    ...(window.take ? { take: window.take } : {}),
    select: staffUserSelect,
  });
}
