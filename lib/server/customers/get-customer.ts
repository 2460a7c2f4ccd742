import type { Tx } from "../../db";
import { db } from "../../db";
import { notFound } from "../../errors/app-error";
import { customerSelect, serializeCustomer } from "../../serializers/customer";

export async function getCustomerRowOrThrow(id: string, client: Tx = db()) {
  const row = await client.customer.findUnique({ where: { id }, select: customerSelect });
  if (!row) throw notFound("customer", id);
  return row;
}

export async function getCustomer(id: string) {
  return serializeCustomer(await getCustomerRowOrThrow(id));
}
