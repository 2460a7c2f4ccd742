import type { Tx } from "../../db";
import { notFound } from "../../errors/app-error";

/** Reads a charge under a row lock, so settling, refunds and disputes of one charge apply in turn. */
export async function lockCharge(tx: Tx, id: string) {
  await tx.$executeRaw`select 1 from charges where id = ${id} for update`;
  const row = await tx.charge.findUnique({ where: { id } });
  if (!row) throw notFound("charge", id);
  return row;
}
