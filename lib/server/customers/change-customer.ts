import { db } from "../../db";
import { AppError } from "../../errors/app-error";
import type { Prisma } from "../../generated/prisma/client";
import {
  type CustomerJson,
  type CustomerRow,
  customerSelect,
  serializeCustomer,
} from "../../serializers/customer";
import type { Property } from "../../validations/properties";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";
import { lockCustomer } from "./lock-customer";
import { writePropertyRows } from "./property-rows";

/**
 * The shape every customer.updated change shares: lock the row, refuse deleted customers,
 * apply `data` (worked out from the current state), and write the audit record and outbox
 * event with the true before and after, all in one transaction.
 */
export async function changeCustomer({
  id,
  actor,
  data,
}: {
  id: string;
  actor: Actor;
  data: (current: CustomerJson) => Prisma.CustomerUncheckedUpdateInput;
}): Promise<CustomerJson> {
  return db().$transaction(async (tx) => {
    const current: CustomerRow = await lockCustomer(tx, id);
    if (current.status === "deleted")
      throw new AppError("conflict", `Customer ${id} is deleted and cannot be changed.`);
    const before = serializeCustomer(current);
    const changes = data(before);
    const row = await tx.customer.update({ where: { id }, data: changes, select: customerSelect });
    // The filters' copy of the properties changes in the same transaction as the properties.
    if (changes.properties !== undefined) await writePropertyRows(tx, id, row.properties as Property[]);
    const after = serializeCustomer(row);
    await recordChange(tx, {
      actor,
      action: "customer.updated",
      entityType: "customer",
      entityId: id,
      customerId: id,
      before,
      after,
    });
    return after;
  });
}
