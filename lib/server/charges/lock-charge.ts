import type { Tx } from "../../db";
import { notFound } from "../../errors/app-error";

/**
 * Reads a charge under a row lock, so settling, refunds and disputes of one charge apply in turn.
 * Its customer's row is locked first (a charge never changes customer): every change of a
 * customer locks that row before its own, so a charge change and, say, a subscription sync of
 * the same customer (which both rewrite the customer's kept figures) cannot deadlock.
 */
export async function lockCharge(tx: Tx, id: string) {
  await tx.$executeRaw`select 1 from customers where id = (select customer_id from charges where id = ${id}) for update`;
  await tx.$executeRaw`select 1 from charges where id = ${id} for update`;
  const row = await tx.charge.findUnique({ where: { id } });
  if (!row) throw notFound("charge", id);
  return row;
}
