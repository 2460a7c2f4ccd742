import { ApiError } from "../../api/api-error";
import { db } from "../../db";
import { customerSelect, serializeCustomer } from "../../serializers/customer";
import type { UpdateCustomerInput } from "../../validations/customer";
import { addressSchema } from "../../validations/customer";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";
import { addressColumns } from "./address-columns";
import { lockCustomer } from "./lock-customer";

/** PATCH: changes the given fields; an address is merged field by field into the stored one. */
export async function updateCustomer({
  id,
  input,
  actor,
}: {
  id: string;
  input: UpdateCustomerInput;
  actor: Actor;
}) {
  return db().$transaction(async (tx) => {
    const current = await lockCustomer(tx, id);
    if (current.status === "deleted")
      throw new ApiError("conflict", `Customer ${id} is deleted and cannot be changed.`);
    const before = serializeCustomer(current);
    if (input.address) {
      // The merged address must still be whole (country stays required).
      addressSchema.parse({ ...before.address, ...input.address });
    }
    const row = await tx.customer.update({
      where: { id },
      data: {
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.company_name !== undefined ? { companyName: input.company_name } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.address ? addressColumns(input.address) : {}),
      },
      select: customerSelect,
    });
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
