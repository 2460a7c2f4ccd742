import * as api from "@donutwork/api-client";
import { dataOf, fromPages } from "./api-fetch";

// The pages' billing writes. The POSTs carry the submission's Idempotency-Key
// (use-idempotency-key.ts), so a retried submission replays the first answer instead of
// subscribing, charging or refunding twice; PATCH and DELETE are idempotent by themselves.

export type NewSubscription = NonNullable<api.CreateSubscriptionData["body"]>;
export type SubscriptionChange = NonNullable<api.UpdateSubscriptionData["body"]>;
export type NewCharge = NonNullable<api.CreateChargeData["body"]>;
export type Refund = NonNullable<api.RefundChargeData["body"]>;

const keyed = (key: string) => ({ headers: { "idempotency-key": key } });

export const createSubscription = (customerId: string, body: NewSubscription, key: string) =>
  dataOf(api.createSubscription({ ...fromPages, ...keyed(key), path: { id: customerId }, body }));

export const updateSubscription = (id: string, body: SubscriptionChange) =>
  dataOf(api.updateSubscription({ ...fromPages, path: { id }, body }));

export const cancelSubscription = (id: string, atPeriodEnd: boolean) =>
  dataOf(
    api.cancelSubscription({
      ...fromPages,
      path: { id },
      query: { at_period_end: atPeriodEnd ? "true" : "false" },
    }),
  );

export const createCharge = (customerId: string, body: NewCharge, key: string) =>
  dataOf(api.createCharge({ ...fromPages, ...keyed(key), path: { id: customerId }, body }));

export const refundCharge = (chargeId: string, body: Refund, key: string) =>
  dataOf(api.refundCharge({ ...fromPages, ...keyed(key), path: { id: chargeId }, body }));
