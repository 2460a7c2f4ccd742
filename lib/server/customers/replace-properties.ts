import { ApiError } from "../../api/api-error";
import { db } from "../../db";
import { customerSelect, serializeCustomer } from "../../serializers/customer";
import type { Property } from "../../validations/properties";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";
import { lockCustomer } from "./lock-customer";

/** Replaces the customer's whole property set (already validated: a bad set never gets here). */
export async function replaceProperties({
  id,
  properties,
  actor,
}: {
  id: string;
  properties: Property[];
  actor: Actor;
}) {
  return db().$transaction(async (tx) => {
    const current = await lockCustomer(tx, id);
    if (current.status === "deleted")
      throw new ApiError("conflict", `Customer ${id} is deleted and cannot be changed.`);
    const before = serializeCustomer(current);
    const row = await tx.customer.update({ where: { id }, data: { properties }, select: customerSelect });
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
