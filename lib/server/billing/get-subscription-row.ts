import { notFound } from "../../api/api-error";
import { db } from "../../db";
import { isId } from "../../ids";

export async function getSubscriptionRowOrThrow(id: string) {
  const row = isId("subscription", id) ? await db().subscription.findUnique({ where: { id } }) : null;
  if (!row) throw notFound("subscription", id);
  return row;
}
