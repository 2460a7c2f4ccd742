import { chargeRoutes } from "./charges";
import { checkoutSessionRoutes } from "./checkout-sessions";
import { clockRoutes } from "./clock";
import { creditNoteRoutes } from "./credit-notes";
import { customerRoutes } from "./customers";
import { eventRoutes } from "./events";
import { hostedCheckoutRoutes } from "./hosted-checkout-page";
import { hostedInvoiceRoutes } from "./hosted-invoice-page";
import { invoiceItemRoutes } from "./invoice-items";
import { invoicePaymentRoutes } from "./invoice-payments";
import { invoiceRoutes } from "./invoices";
import { paymentIntentRoutes } from "./payment-intents";
import { paymentMethodRoutes } from "./payment-methods";
import { priceRoutes } from "./prices";
import { productRoutes } from "./products";
import { refundRoutes } from "./refunds";
import type { Route } from "./router";
import { setupIntentRoutes } from "./setup-intents";
import { subscriptionRoutes } from "./subscriptions";

/** Every route the emulator serves. A new resource family adds its list here. */
export const allRoutes: Route[] = [
  ...customerRoutes,
  ...paymentMethodRoutes,
  ...checkoutSessionRoutes,
  ...hostedCheckoutRoutes,
  ...setupIntentRoutes,
  ...productRoutes,
  ...priceRoutes,
  ...subscriptionRoutes,
  ...invoiceRoutes,
  ...invoiceItemRoutes,
  ...invoicePaymentRoutes,
  ...hostedInvoiceRoutes,
  ...paymentIntentRoutes,
  ...chargeRoutes,
  ...refundRoutes,
  ...creditNoteRoutes,
  ...eventRoutes,
  ...clockRoutes,
];
