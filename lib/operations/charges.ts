import { chargeResponseSchema } from "../validations/billing-responses";
import { createChargeSchema, refundChargeSchema } from "../validations/charge";
import { paginationQuerySchema } from "../validations/pagination";
import { listOf } from "../validations/responses";
import { customerIdParams, defineOperation, idParams } from "./define-operation";

const billing = { tag: "Billing", public: true } as const;
const chargeIdParams = idParams("charge", "The charge's eid");

export const listCharges = defineOperation({
  ...billing,
  operationId: "listCharges",
  method: "GET",
  path: "/customers/{id}/charges.json",
  permission: "read",
  summary: "List the customer's charges, newest first",
  params: customerIdParams,
  query: paginationQuerySchema,
  idempotency: "none",
  response: {
    status: 200,
    description: "A page of charges",
    schema: listOf(chargeResponseSchema, "ChargeList"),
  },
  errors: { 404: "No such customer" },
});

export const createCharge = defineOperation({
  ...billing,
  operationId: "createCharge",
  method: "POST",
  path: "/customers/{id}/charges.json",
  permission: "write",
  summary: "Charge the default card once (Idempotency-Key required); a decline is a failed charge",
  params: customerIdParams,
  body: { schema: createChargeSchema, required: true },
  // A charge moves money: the key is required, so that a retry can never charge twice.
  idempotency: "required",
  response: {
    status: 201,
    description: "The charge: succeeded, failed (with Stripe's reason) or pending",
    schema: chargeResponseSchema,
  },
  errors: {
    404: "No such customer",
    409: "Customer not active, no default payment method, or the key is in use",
    502: "Stripe unreachable; retry with the same Idempotency-Key",
  },
});

export const getCharge = defineOperation({
  ...billing,
  operationId: "getCharge",
  method: "GET",
  path: "/charges/{id}.json",
  permission: "read",
  summary: "Retrieve a charge with its refunds",
  params: chargeIdParams,
  idempotency: "none",
  response: { status: 200, description: "The charge", schema: chargeResponseSchema },
  errors: { 404: "No such charge" },
});

export const refundCharge = defineOperation({
  ...billing,
  operationId: "refundCharge",
  method: "POST",
  path: "/charges/{id}/refund.json",
  permission: "write",
  summary: 'Refund a succeeded charge: `{}` for all that is left, `{"amount"}` for part of it',
  description:
    "Amounts are of what the card paid, the charge's `total` (`amount` + its invoice's `tax`); more than is left is a 422 naming `amount`. A charge billed on an invoice is refunded through a Stripe credit note on that invoice, which reverses the invoice's tax in proportion.",
  params: chargeIdParams,
  body: { schema: refundChargeSchema, required: false },
  idempotency: "allowed",
  response: { status: 200, description: "The charge with its refunds", schema: chargeResponseSchema },
  errors: { 404: "No such charge", 409: "Charge not succeeded, or already fully refunded" },
});

/** In the order the document lists them. */
export const chargeOperations = [listCharges, createCharge, getCharge, refundCharge];
