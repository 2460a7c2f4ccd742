import { db } from "../../db";

export function listStaffUsers() {
  return db().staffUser.findMany({
    orderBy: { id: "desc" },
    select: { id: true, email: true, role: true, createdAt: true },
  });
}
