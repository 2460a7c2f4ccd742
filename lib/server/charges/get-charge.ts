import { db } from "../../db";
import { notFound } from "../../errors/app-error";
import { isId } from "../../ids";
import { serializeCharge } from "../../serializers/charge";

export async function getCharge(id: string) {
  const row = isId("charge", id)
    ? await db().charge.findUnique({ where: { id }, include: { refunds: { orderBy: { id: "asc" } } } })
    : null;
  if (!row) throw notFound("charge", id);
  return serializeCharge(row);
}
