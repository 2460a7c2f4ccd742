import type { APIRequestContext } from "@playwright/test";
import { createCustomer, writeHeaders } from "./api";

export async function newPaymentLink(request: APIRequestContext, customerId: string) {
  const response = await request.get(`/customers/${customerId}/payment_link.json`, {
    headers: writeHeaders(),
  });
  if (response.status() !== 200)
    throw new Error(`payment link: ${response.status()} ${await response.text()}`);
  return (await response.json()) as { id: string; url: string; expires_at: string };
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

export async function getCustomerJson(request: APIRequestContext, id: string) {
  return (await (await request.get(`/customers/${id}.json`, { headers: writeHeaders() })).json()) as {
    id: string;
    stripe_customer_id?: string;
    default_payment_method: {
      id: string;
      brand: string;
      last4: string;
      exp_month: number;
      exp_year: number;
    } | null;
  };
}
