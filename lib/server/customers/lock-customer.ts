import type { Tx } from "../../db";
import { getCustomerRowOrThrow } from "./get-customer";

/**
 * Reads a customer inside a transaction with a row lock, so that concurrent changes to one
 * customer are applied one after the other and each audit record has the true "before".
 */
export async function lockCustomer(tx: Tx, id: string) {
  await tx.$executeRaw`select 1 from customers where id = ${id} for update`;
  return getCustomerRowOrThrow(id, tx);
}
