import * as api from "@donutwork/api-client";
import { type APIRequestContext, expect } from "@playwright/test";
import { getCustomer, writeClient } from "../support/api";
import { expectData } from "../support/api-typed";
import { customerWithSavedCard } from "../support/payment-onboarding";

export const DECLINING_CARD = "4000 0000 0000 0341";

/** A customer whose card has been saved and confirmed by Stripe's webhook. */
export async function billableCustomer(request: APIRequestContext, cardNumber?: string) {
  const { customer } = await customerWithSavedCard(request, cardNumber);
  await expect
    .poll(async () => (await getCustomer(request, customer.id)).default_payment_method, {
      timeout: 20_000,
    })
    .not.toBeNull();
  return customer;
}

type SubscriptionBody = NonNullable<api.CreateSubscriptionData["body"]>;
type ChargeBody = NonNullable<api.CreateChargeData["body"]>;

/** Subscribes the customer (49.00 USD a month unless `body` says otherwise) and returns the 201's body. */
export async function subscribe(
  request: APIRequestContext,
  customerId: string,
  body: Partial<SubscriptionBody>,
) {
  const subscription = await api.createSubscription({
    client: writeClient(request),
    path: { id: customerId },
    body: { description: "Pro plan", amount: 4900, currency: "USD", interval: "month", ...body },
  });
  return expectData(subscription, 201);
}

/** Changes the subscription's quantity or amount and returns the 200's body. */
export async function changeSubscription(
  request: APIRequestContext,
  id: string,
  body: NonNullable<api.UpdateSubscriptionData["body"]>,
) {
  return expectData(await api.updateSubscription({ client: writeClient(request), path: { id }, body }), 200);
}

/** Cancels the subscription now and returns the 200's body. */
export async function cancelNow(request: APIRequestContext, id: string) {
  return expectData(await api.cancelSubscription({ client: writeClient(request), path: { id } }), 200);
}

/** Charges the customer (USD, "Setup fee" unless `body` says otherwise) under an Idempotency-Key. */
export function charge(
  request: APIRequestContext,
  customerId: string,
  body: Partial<ChargeBody> & Pick<ChargeBody, "amount">,
  key = crypto.randomUUID(),
) {
  return api.createCharge({
    client: writeClient(request),
    path: { id: customerId },
    headers: { "idempotency-key": key },
    body: { currency: "USD", description: "Setup fee", ...body },
  });
}

export async function metricsOf(request: APIRequestContext, customerId: string) {
  return expectData(
    await api.getCustomerMetrics({ client: writeClient(request), path: { id: customerId } }),
    200,
  );
}

export async function subscriptionOf(request: APIRequestContext, id: string) {
  return expectData(await api.getSubscription({ client: writeClient(request), path: { id } }), 200);
}
