import { db } from "../../db";
import { notFound } from "../../errors/app-error";
import { isId } from "../../ids";
import { serializeInvoice } from "../../serializers/invoice";

export async function getInvoice(id: string) {
  const row = isId("invoice", id)
    ? await db().invoice.findUnique({ where: { id }, include: { charge: { select: { id: true } } } })
    : null;
  if (!row) throw notFound("invoice", id);
  return serializeInvoice(row);
}
