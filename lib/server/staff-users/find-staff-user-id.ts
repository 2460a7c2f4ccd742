import { db } from "../../db";
import { notFound } from "../../errors/app-error";
import { isId } from "../../ids";

/** A staff user's id from their id or their email (the CLI accepts either). */
export async function findStaffUserId(idOrEmail: string): Promise<string> {
  const where = isId("staffUser", idOrEmail) ? { id: idOrEmail } : { email: idOrEmail.toLowerCase() };
  const user = await db().staffUser.findUnique({ where, select: { id: true } });
  if (!user) throw notFound("staff user", idOrEmail);
  return user.id;
}
