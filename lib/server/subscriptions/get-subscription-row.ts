import { db } from "../../db";
import { notFound } from "../../errors/app-error";
import { isId } from "../../ids";

export async function getSubscriptionRowOrThrow(id: string) {
  const row = isId("subscription", id) ? await db().subscription.findUnique({ where: { id } }) : null;
  if (!row) throw notFound("subscription", id);
  return row;
}
