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
import { requestStripeCustomerSync } from "../stripe-sync/request-stripe-customer-sync";
import { changesIdentity } from "../stripe-sync/stripe-customer-identity";
import { lockCustomer } from "./lock-customer";
import { writePropertyRows } from "./property-rows";

/**
 * The shape every customer.updated change shares: lock the row, refuse deleted customers,
 * apply `data` (worked out from the current state), and write the audit record and outbox
 * event with the true before and after, all in one transaction. A new email, company name or
 * address is a new identity version, and, once there is a Stripe customer, a sync request in the
 * outbox (lib/server/stripe-sync/sync-stripe-customer.ts pushes it).
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
    const newIdentity = changesIdentity(current, changes);
    const row = await tx.customer.update({
      where: { id },
      data: newIdentity ? { ...changes, identityVersion: { increment: 1 } } : changes,
      select: customerSelect,
    });
    if (newIdentity && row.stripeCustomerId) await requestStripeCustomerSync(tx, id);
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
