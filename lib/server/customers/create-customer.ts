import { ApiError } from "../../api/api-error";
import { db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { newId } from "../../ids";
import { customerColumns, serializeCustomer } from "../../serializers/customer";
import type { CreateCustomerInput } from "../../validations/customer";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";
import { addressColumns } from "./address-columns";

/**
 * Creates a customer. external_id uniqueness is left to the unique index (also across deleted
 * customers), so of concurrent creates exactly one wins and the others get a 409 naming it.
 */
export async function createCustomer({ input, actor }: { input: CreateCustomerInput; actor: Actor }) {
  try {
    return await db().$transaction(async (tx) => {
      const row = await tx.customer.create({
        data: {
          id: newId("customer"),
          externalId: input.external_id,
          email: input.email,
          companyName: input.company_name ?? null,
          ...addressColumns(input.address),
          addressCountry: input.address.country,
        },
        // A new customer has no card yet: no need for Prisma's extra query of the relation.
        select: customerColumns,
      });
      const customer = serializeCustomer({ ...row, defaultPaymentMethod: null });
      await recordChange(tx, {
        actor,
        action: "customer.created",
        entityType: "customer",
        entityId: row.id,
        customerId: row.id,
        before: null,
        after: customer,
      });
      return customer;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw await externalIdTaken(input.external_id);
    throw error;
  }
}

async function externalIdTaken(externalId: string): Promise<ApiError> {
  const existing = await db().customer.findUnique({ where: { externalId }, select: { id: true } });
  return new ApiError(
    "conflict",
    `A customer with external_id "${externalId}" already exists: ${existing?.id}.`,
    {
      errors: [{ field: "external_id", message: "is already taken" }],
      extra: { existing_id: existing?.id ?? null },
    },
  );
}
