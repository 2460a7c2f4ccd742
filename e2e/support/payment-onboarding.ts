import * as api from "@donutwork/api-client";
import type { APIRequestContext } from "@playwright/test";
import { createCustomer, writeClient } from "./api";
import { expectData } from "./api-typed";

export async function newPaymentLink(request: APIRequestContext, customerId: string) {
  return expectData(
    await api.createPaymentLink({ client: writeClient(request), path: { id: customerId } }),
    200,
  );
}

/**
 * Saves a card the way a customer's browser does, without a browser: open the link, follow it
 * to the emulator's hosted checkout and post its card form. Returns where the form sent us.
 */
export async function saveCardOverHttp(
  request: APIRequestContext,
  linkUrl: string,
  cardNumber = "4242 4242 4242 4242",
) {
  const opened = await request.get(linkUrl, { maxRedirects: 0 });
  const checkoutUrl = opened.headers().location;
  if (opened.status() !== 303 || !checkoutUrl) throw new Error(`opening the link: ${opened.status()}`);
  const form = await request.post(checkoutUrl, {
    form: { cardNumber, cardExpiry: "12 / 34", cardCvc: "123", billingName: "Test Customer" },
    maxRedirects: 0,
  });
  return { checkoutUrl, status: form.status(), location: form.headers().location };
}

export async function customerWithSavedCard(request: APIRequestContext, cardNumber?: string) {
  const customer = await createCustomer(request);
  const link = await newPaymentLink(request, customer.id);
  await saveCardOverHttp(request, link.url, cardNumber);
  return { customer, link };
}
