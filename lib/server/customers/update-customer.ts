import { validationFailed } from "../../errors/app-error";
import { fieldErrorsOf } from "../../errors/field-errors";
import type { UpdateCustomerInput } from "../../validations/customer";
import { addressSchema } from "../../validations/customer";
import type { Actor } from "../audit/actor";
import { addressColumns } from "./address-columns";
import { changeCustomer } from "./change-customer";

/** PATCH: changes the given fields; an address is merged field by field into the stored one. */
export function updateCustomer({
  id,
  input,
  actor,
}: {
  id: string;
  input: UpdateCustomerInput;
  actor: Actor;
}) {
  return changeCustomer({
    id,
    actor,
    data: (current) => {
      if (input.address) {
        // The merged address must still be whole (country stays required).
        const merged = addressSchema.safeParse({ ...current.address, ...input.address });
        if (!merged.success) throw validationFailed(fieldErrorsOf(merged.error, ["address"]));
      }
      return {
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.company_name !== undefined ? { companyName: input.company_name } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.address ? addressColumns(input.address) : {}),
      };
    },
  });
}
