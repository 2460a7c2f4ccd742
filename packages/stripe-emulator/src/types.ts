import type Stripe from "stripe";

/*
 * The objects the emulator stores and returns, typed by the real SDK so the compiler checks their
 * nested shape. Where the SDK's types and Stripe's published fixtures disagree, the fixture wins
 * (it is what the API returns): a few fields are omitted or added below, each with its reason.
 * Expandable fields always hold ids in the store; `expand[]` swaps in objects on the way out.
 */

export type CustomerObject = Stripe.Customer;
export type DeletedCustomerObject = Stripe.DeletedCustomer;

// `allowed_payment_method_types` is in the SDK's types but not in the fixtures (not returned by default).
export type CheckoutSessionObject = Omit<Stripe.Checkout.Session, "allowed_payment_method_types">;
export type SetupIntentObject = Omit<Stripe.SetupIntent, "allowed_payment_method_types">;
export type PaymentIntentObject = Omit<
  Stripe.PaymentIntent,
  "allowed_payment_method_types" | "payment_record"
>;

export type PaymentMethodObject = Stripe.PaymentMethod;
export type ProductObject = Omit<Stripe.Product, "tax_details">;

/**
 * The SDK types `*_decimal` fields as its `Decimal` class, which it builds from the JSON string it
 * receives; on the wire, and so in the emulator, they are strings such as `"4900"`.
 */
type DecimalString = string;
type WithDecimalStrings<T, K extends keyof T> = Omit<T, K> & {
  [P in K]: null extends T[P] ? DecimalString | null : DecimalString;
};

export type PriceObject = WithDecimalStrings<Stripe.Price, "unit_amount_decimal">;
export type PlanObject = WithDecimalStrings<Stripe.Plan, "amount_decimal">;

type InvoiceItemPricing = WithDecimalStrings<Stripe.InvoiceItem.Pricing, "unit_amount_decimal">;
export type InvoiceItemObject = Omit<
  WithDecimalStrings<Stripe.InvoiceItem, "quantity_decimal">,
  "pricing"
> & {
  pricing: InvoiceItemPricing | null;
};
type LineItemPricing = WithDecimalStrings<Stripe.InvoiceLineItem.Pricing, "unit_amount_decimal">;
export type InvoiceLineItemObject = Omit<
  WithDecimalStrings<Stripe.InvoiceLineItem, "quantity_decimal">,
  "pricing"
> & {
  pricing: LineItemPricing | null;
};
export type ChargeObject = Stripe.Charge;
export type CreditNoteLineItemObject = WithDecimalStrings<Stripe.CreditNoteLineItem, "unit_amount_decimal">;
export type CreditNoteObject = Omit<Stripe.CreditNote, "lines"> & {
  lines: Stripe.ApiList<CreditNoteLineItemObject>;
};
export type RefundObject = Stripe.Refund;

export type SubscriptionItemObject = Omit<Stripe.SubscriptionItem, "current_trial" | "price" | "plan"> & {
  price: PriceObject;
  plan: PlanObject;
};

/**
 * Stripe moved `current_period_*` from the subscription to its items (API 2025-03-31); apps written
 * against older guides still read them on the subscription, so the emulator keeps both.
 */
export type SubscriptionObject = Omit<Stripe.Subscription, "items"> & {
  items: Stripe.ApiList<SubscriptionItemObject>;
  current_period_start: number;
  current_period_end: number;
};

/**
 * The fixture still carries `subscription`; `payment_intent` was removed from newer API versions but
 * keeps `expand[]=latest_invoice.payment_intent` working, which many integrations rely on.
 */
export type InvoiceObject = Omit<Stripe.Invoice, "lines"> & {
  lines: Stripe.ApiList<InvoiceLineItemObject>;
  subscription: string | null;
  payment_intent: string | null;
};

export interface EventObject {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: object; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

export type Metadata = Record<string, string>;
