import { subscriptionResponseSchema } from "../validations/billing-responses";
import { paginationQuerySchema } from "../validations/pagination";
import { listOf } from "../validations/responses";
import {
  cancelSubscriptionQuerySchema,
  createSubscriptionSchema,
  updateSubscriptionSchema,
} from "../validations/subscription";
import { customerIdParams, defineOperation, idParams } from "./define-operation";

const billing = { tag: "Billing", public: true } as const;
const subscriptionIdParams = idParams("subscription", "The subscription's eid");

export const listSubscriptions = defineOperation({
  ...billing,
  operationId: "listSubscriptions",
  method: "GET",
  path: "/customers/{id}/subscriptions.json",
  permission: "read",
  summary: "List the customer's subscriptions, newest first",
  params: customerIdParams,
  query: paginationQuerySchema,
  idempotency: "none",
  response: {
    status: 200,
    description: "A page of subscriptions",
    schema: listOf(subscriptionResponseSchema, "SubscriptionList"),
  },
  errors: { 404: "No such customer" },
});

export const createSubscription = defineOperation({
  ...billing,
  operationId: "createSubscription",
  method: "POST",
  path: "/customers/{id}/subscriptions.json",
  permission: "write",
  summary: "Subscribe the customer on its default card (a declined first payment gives status incomplete)",
  params: customerIdParams,
  body: { schema: createSubscriptionSchema, required: true },
  idempotency: "allowed",
  response: { status: 201, description: "The new subscription", schema: subscriptionResponseSchema },
  errors: {
    404: "No such customer",
    409: "Customer not active, no default payment method, or (with STRIPE_AUTOMATIC_TAX) an address Stripe Tax cannot locate (`errors` names `address`)",
    502: "Stripe unreachable; retry with the same Idempotency-Key",
  },
});

export const getSubscription = defineOperation({
  ...billing,
  operationId: "getSubscription",
  method: "GET",
  path: "/subscriptions/{id}.json",
  permission: "read",
  summary: "Retrieve a subscription",
  params: subscriptionIdParams,
  idempotency: "none",
  response: { status: 200, description: "The subscription", schema: subscriptionResponseSchema },
  errors: { 404: "No such subscription" },
});

export const updateSubscription = defineOperation({
  ...billing,
  operationId: "updateSubscription",
  method: "PATCH",
  path: "/subscriptions/{id}.json",
  permission: "write",
  summary: "Change the quantity, unit amount or description; Stripe prorates",
  params: subscriptionIdParams,
  body: { schema: updateSubscriptionSchema, required: true },
  idempotency: "none",
  response: { status: 200, description: "The updated subscription", schema: subscriptionResponseSchema },
  errors: { 404: "No such subscription", 409: "Subscription ended" },
});

export const cancelSubscription = defineOperation({
  ...billing,
  operationId: "cancelSubscription",
  method: "DELETE",
  path: "/subscriptions/{id}.json",
  permission: "write",
  summary: "Cancel now, or with ?at_period_end=true at the end of the paid period",
  params: subscriptionIdParams,
  query: cancelSubscriptionQuerySchema,
  idempotency: "none",
  response: { status: 200, description: "The subscription", schema: subscriptionResponseSchema },
  errors: { 404: "No such subscription" },
});

/** In the order the document lists them. */
export const subscriptionOperations = [
  listSubscriptions,
  createSubscription,
  getSubscription,
  updateSubscription,
  cancelSubscription,
];
