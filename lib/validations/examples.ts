// Examples of what the API takes and returns, one per shape, for the OpenAPI document and the API
// reference rendered from it. e2e/api/openapi.spec.ts checks that every operation has them and
// that each one validates against its own schema. Plain data: nothing here is parsed with.

const at = "2026-11-25T10:00:00.000Z";
const later = "2026-11-26T09:30:00.000Z";
const ulid = "01JDQ3X5Z4Q8M2N6P7R9S0T1V2";
const customerId = `cus_${ulid}`;

export const addressExample = {
  line1: "Hauptstr. 1",
  line2: null,
  city: "Berlin",
  state: null,
  postal_code: "10115",
  country: "DE",
};

export const propertiesExample = [
  { key: "billing_tier", value: "gold" },
  { key: "api_quota", value: 10000 },
];

export const createCustomerExample = {
  external_id: "crm-4711",
  email: "billing@acme.example",
  company_name: "Acme GmbH",
  address: addressExample,
};

export const updateCustomerExample = {
  email: "finance@acme.example",
  address: { line1: "Jungfernstieg 7", city: "Hamburg", postal_code: "20354" },
};

export const replacePropertiesExample = { properties: propertiesExample };

export const customerExample = {
  id: customerId,
  object: "customer",
  ...createCustomerExample,
  properties: propertiesExample,
  status: "active",
  default_payment_method: { id: `pm_${ulid}`, brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 },
  mrr: { USD: 19800, EUR: 0 },
  yrr: { USD: 237600, EUR: 0 },
  risk: { level: "low", score: 0 },
  stripe_sync: { status: "synced", synced_at: later, last_error: null },
  created_at: at,
  updated_at: later,
};

export const paymentLinkExample = {
  id: `pl_${ulid}`,
  object: "payment_link",
  url: "https://billing.example.com/pay/3q2-7wEVoY1gM8zX5c0rTtWkV2hJbN9aLfPuQe4dRsI",
  expires_at: later,
  created_at: at,
};

export const problemExample = {
  type: "/problems/validation-failed",
  title: "Validation failed",
  status: 422,
  detail: "2 fields are invalid: email, address.country.",
  errors: [
    { field: "email", message: "must be a valid email address" },
    { field: "address.country", message: "must be an ISO 3166-1 alpha-2 code in upper case, e.g. DE" },
  ],
};

export const createSubscriptionExample = {
  description: "Pro plan",
  amount: 4900,
  currency: "USD",
  interval: "month",
  quantity: 2,
  trial_days: 0,
};

export const updateSubscriptionExample = { quantity: 3 };

export const subscriptionExample = {
  id: `sub_${ulid}`,
  object: "subscription",
  customer_id: customerId,
  description: "Pro plan",
  status: "active",
  amount: 4900,
  currency: "USD",
  interval: "month",
  interval_count: 1,
  quantity: 2,
  mrr: 9800,
  trial_end: null,
  current_period_start: at,
  current_period_end: "2026-12-25T10:00:00.000Z",
  cancel_at_period_end: false,
  canceled_at: null,
  ended_at: null,
  stripe_subscription_id: "sub_1QJx7C2eZvKYlo2C0a1b2c3d",
  created_at: at,
  updated_at: at,
};

export const createChargeExample = { amount: 1500, currency: "USD", description: "Setup fee" };

export const refundChargeExample = { amount: 500 };

export const refundExample = {
  id: `re_${ulid}`,
  object: "refund",
  charge_id: `ch_${ulid}`,
  amount: 500,
  created_at: later,
};

export const chargeExample = {
  id: `ch_${ulid}`,
  object: "charge",
  customer_id: customerId,
  status: "succeeded",
  amount: 1500,
  currency: "USD",
  description: "Setup fee",
  failure_code: null,
  failure_message: null,
  tax: 0,
  total: 1500,
  amount_refunded: 500,
  refunded: false,
  disputed: false,
  refunds: [refundExample],
  invoice_id: `in_${ulid}`,
  created_at: at,
  updated_at: later,
};

export const paymentMethodExample = {
  id: `pm_${ulid}`,
  object: "payment_method",
  type: "card",
  brand: "visa",
  last4: "4242",
  exp_month: 12,
  exp_year: 2030,
  is_default: true,
  detached: false,
  created_at: at,
};

export const paymentLinkSummaryExample = {
  id: `pl_${ulid}`,
  object: "payment_link",
  status: "completed",
  expires_at: later,
  completed_at: "2026-11-25T10:04:12.000Z",
  created_at: at,
};

export const createWebhookEndpointExample = {
  url: "https://crm.acme.example/webhooks/donutwork",
  enabled_events: ["customer.created", "charge.failed"],
  description: "CRM sync",
};

export const webhookEndpointExample = {
  id: `we_${ulid}`,
  object: "webhook_endpoint",
  ...createWebhookEndpointExample,
  created_at: at,
};

export const createdWebhookEndpointExample = {
  ...webhookEndpointExample,
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
};

export const deletedWebhookEndpointExample = { ...webhookEndpointExample, deleted: true };

export const webhookDeliveryExample = {
  id: `whd_${ulid}`,
  object: "webhook_delivery",
  status: "succeeded",
  event_id: `evt_${ulid}`,
  event_type: "customer.created",
  endpoint_id: `we_${ulid}`,
  endpoint_url: "https://crm.acme.example/webhooks/donutwork",
  attempt_count: 1,
  last_status_code: 204,
  last_error: null,
  next_attempt_at: null,
  delivered_at: "2026-11-25T10:00:01.000Z",
  created_at: at,
};

export const auditEntryExample = {
  id: "1042",
  action: "customer.updated",
  entity_type: "customer",
  entity_id: customerId,
  actor: { type: "staff_user", id: `usr_${ulid}`, email: "ana@donutwork.example" },
  created_at: later,
};

const movementExample = (count: number, amount: number) => ({ count, amount });

const riskExample = {
  level: "medium",
  score: 45,
  signals: [
    {
      code: "card_expiring",
      message: "Card ending 4242 expires on 2026-11-30 (in 16 days)",
      weight: 15,
      evidence: [{ type: "payment_method", id: `pm_${ulid}` }],
    },
    {
      code: "invoice_overdue",
      message: "1 invoice is overdue (due on 2026-11-01)",
      weight: 30,
      evidence: [{ type: "invoice", id: `in_${ulid}` }],
    },
  ],
};

const subscriptionIdExample = `sub_${ulid}`;

const mrrChangeExample = {
  id: "mov_1042",
  at: later,
  date: later.slice(0, 10),
  currency: "USD",
  type: "expansion",
  mrr_before: 9800,
  mrr_after: 19800,
  changes: [
    {
      subscription_id: subscriptionIdExample,
      description: "Pro plan",
      change: "quantity_changed",
      from: 1,
      to: 2,
    },
  ],
};

const zeroMovements = () => ({
  new: movementExample(0, 0),
  expansion: movementExample(0, 0),
  reactivation: movementExample(0, 0),
  contraction: movementExample(0, 0),
  churn: movementExample(0, 0),
});

export const customerMetricsExample = {
  object: "customer_metrics",
  customer_id: customerId,
  currency: "USD",
  mrr: 19800,
  yrr: 237600,
  mrr_by_currency: { USD: 19800 },
  yrr_by_currency: { USD: 237600 },
  mrr_30_days_ago: 9800,
  risk: { ...riskExample, signals: riskExample.signals.map((signal) => ({ ...signal, since: at })) },
  risk_history: [
    { code: "card_expiring", appeared_at: at, cleared_at: null },
    { code: "no_payment_method", appeared_at: at, cleared_at: at },
  ],
  breakdown: [
    {
      subscription_id: subscriptionIdExample,
      description: "Pro plan",
      status: "active",
      currency: "USD",
      unit_amount: 9900,
      quantity: 2,
      period_amount: 19800,
      interval: "month",
      interval_count: 1,
      months: 1,
      discount: null,
      mrr: 19800,
      counts: true,
      reason: null,
    },
    {
      subscription_id: `sub_01JD7Q5M9R2V6YQW3K8N4TB1ZY`,
      description: "Add-on",
      status: "trialing",
      currency: "USD",
      unit_amount: 120000,
      quantity: 1,
      period_amount: 120000,
      interval: "year",
      interval_count: 1,
      months: 12,
      discount: null,
      mrr: 0,
      counts: false,
      reason: "trialing",
    },
  ],
  history: [mrrChangeExample],
  daily_mrr: [
    { date: "2026-11-24", mrr: 9800 },
    { date: "2026-11-25", mrr: 19800 },
  ],
  as_of: later,
};

export const mrrSeriesExample = {
  object: "mrr_series",
  interval: "month",
  from: "2026-10-01",
  to: "2026-11-25",
  series: [
    {
      currency: "USD",
      points: [
        {
          period_start: "2026-10-01",
          period_end: "2026-10-31",
          start_mrr: 95100,
          end_mrr: 100000,
          end_yrr: 1200000,
          paying_customers: 11,
          movements: { ...zeroMovements(), new: movementExample(1, 4900) },
          net_new_mrr: 4900,
        },
        {
          period_start: "2026-11-01",
          period_end: "2026-11-25",
          start_mrr: 100000,
          end_mrr: 110000,
          end_yrr: 1320000,
          paying_customers: 11,
          movements: { ...zeroMovements(), expansion: movementExample(1, 10000) },
          net_new_mrr: 10000,
        },
      ],
    },
  ],
};

export const mrrMovementListExample = {
  object: "list",
  data: [
    {
      object: "mrr_movement",
      ...mrrChangeExample,
      amount: 10000,
      customer: {
        id: customerId,
        external_id: "crm-4711",
        email: "billing@acme.example",
        company_name: "Acme GmbH",
      },
    },
  ],
  has_more: false,
  next_cursor: null,
  totals: { count: 1, amount: 10000 },
};

export const bookMetricsExample = {
  object: "book_metrics",
  as_of: later,
  currencies: [
    {
      currency: "USD",
      mrr: 1254000,
      yrr: 15048000,
      paying_customers: 214,
      live_subscriptions: 251,
      movements: {
        new: movementExample(12, 58800),
        expansion: movementExample(5, 14700),
        contraction: movementExample(2, 4900),
        churn: movementExample(3, 11700),
        reactivation: movementExample(1, 4900),
        net_new_mrr: 61800,
      },
    },
  ],
  customer_counts: { active: 230, suspended: 4, deleted: 17 },
  movements_period: { from: "2026-10-27", to: "2026-11-25" },
  at_risk: [
    {
      customer_id: customerId,
      external_id: "crm-4711",
      company_name: "Acme GmbH",
      email: "billing@acme.example",
      ...riskExample,
      currency: "USD",
      mrr: 19800,
    },
  ],
};

export const graphExample = {
  object: "graph",
  customer_id: customerId,
  nodes: [
    { id: customerId, type: "customer", label: "Acme GmbH" },
    { id: `pm_${ulid}`, type: "payment_method", label: "visa •••• 4242" },
    { id: `sub_${ulid}`, type: "subscription", label: "Pro plan · $49.00/month" },
  ],
  edges: [
    { source: customerId, target: `pm_${ulid}`, type: "has_payment_method" },
    { source: customerId, target: `sub_${ulid}`, type: "has_subscription" },
  ],
};

export const updateStaffUserExample = { role: "finance" };

export const staffUserExample = {
  id: `usr_${ulid}`,
  object: "staff_user",
  email: "ana@example.com",
  role: "finance",
  disabled: false,
  disabled_at: null,
  created_at: at,
};

export const patchPropertiesExample = { properties: { billing_tier: "gold", legacy_plan: null } };

export const invoiceExample = {
  id: `in_${ulid}`,
  object: "invoice",
  customer_id: customerId,
  stripe_invoice_id: "in_1QJx7C2eZvKYlo2C0a1b2c3d",
  number: "7F3A9C2B-0001",
  status: "paid",
  currency: "EUR",
  subtotal: 10000,
  tax: 1900,
  total: 11900,
  amount_paid: 11900,
  amount_remaining: 0,
  amount_credited: 0,
  period_start: at,
  period_end: at,
  due_date: null,
  customer_name: "Acme GmbH",
  customer_email: "billing@acme.example",
  customer_address: addressExample,
  subscription_id: null,
  charge_id: `ch_${ulid}`,
  hosted_invoice_url: "https://invoice.stripe.com/i/acct_1Nv0/test_YWNjdF8x",
  invoice_pdf: "https://pay.stripe.com/invoice/acct_1Nv0/test_YWNjdF8x/pdf",
  lines: [{ description: "Setup fee", amount: 10000, quantity: 1 }],
  created_at: at,
  updated_at: later,
};
