import { eidAt } from "./eid";
import { type FakeCustomer, fakeCustomer } from "./fake-data";
import {
  type SeededCard,
  type SeededCharge,
  type SeededSubscription,
  seededFinancials,
  seededSubscriptionMrr,
} from "./seed-financials";

/** One table's rows of a batch, column by column, ready for `unnest($1::type[], …)`. */
export interface TableBatch {
  table: string;
  columns: { name: string; type: string }[];
  values: unknown[][];
}

const DAY = 86_400_000;
const SPAN_MS = 2 * 365 * DAY;

function table(name: string, columns: [string, string][]): TableBatch {
  return {
    table: name,
    columns: columns.map(([column, type]) => ({ name: column, type })),
    values: columns.map(() => []),
  };
}

function push(batch: TableBatch, row: unknown[]): void {
  for (const [column, value] of row.entries()) batch.values[column]?.push(value);
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Rows `from`..`to` (exclusive) of a seed of `total` customers created over the last two years,
 * oldest first, so ids (ULIDs of the creation time) arrive in ascending order like real traffic.
 * Customers with a subscription also get a saved card as default payment method (expiring from
 * 3 months ago to 5 years ahead: some expired, some expiring); the billing tables are filled only
 * where they exist, and so are the kept figures (customer_financials, customer_mrr), computed
 * from exactly the rows written here (seed-financials.ts).
 */
export function seedBatch(options: {
  from: number;
  to: number;
  total: number;
  now: number;
  billing: { subscriptions: boolean; charges: boolean; financials: boolean };
}): TableBatch[] {
  const customers = table("customers", [
    ["id", "text"],
    ["external_id", "text"],
    ["email", "text"],
    ["company_name", "text"],
    ["address_line1", "text"],
    ["address_city", "text"],
    ["address_postal_code", "text"],
    ["address_country", "text"],
    ["properties", "jsonb"],
    ["status", '"CustomerStatus"'],
    ["default_payment_method_id", "text"],
    ["created_at", "timestamptz"],
    ["updated_at", "timestamptz"],
    ["deleted_at", "timestamptz"],
  ]);
  const cards = table("payment_methods", [
    ["id", "text"],
    ["customer_id", "text"],
    ["stripe_payment_method_id", "text"],
    ["brand", "text"],
    ["last4", "text"],
    ["exp_month", "int4"],
    ["exp_year", "int4"],
    ["created_at", "timestamptz"],
    ["updated_at", "timestamptz"],
  ]);
  const subscriptions = table("subscriptions", [
    ["id", "text"],
    ["customer_id", "text"],
    ["stripe_subscription_id", "text"],
    ["status", "text"],
    ["currency", "text"],
    ["unit_amount", "int4"],
    ["quantity", "int4"],
    ["interval", "text"],
    ["mrr", "int4"],
    ["current_period_start", "timestamptz"],
    ["current_period_end", "timestamptz"],
    ["created_at", "timestamptz"],
    ["updated_at", "timestamptz"],
  ]);
  const charges = table("charges", [
    ["id", "text"],
    ["customer_id", "text"],
    ["amount", "int4"],
    ["currency", "text"],
    ["status", "text"],
    ["stripe_payment_intent_id", "text"],
    ["idempotency_key", "text"],
    ["created_at", "timestamptz"],
    ["updated_at", "timestamptz"],
  ]);

  const financials = table("customer_financials", [
    ["customer_id", "text"],
    ["primary_currency", "text"],
    ["risk_score", "int4"],
    ["risk_level", "text"],
    ["risk_signals", "jsonb"],
    ["has_payment_method", "bool"],
    ["card_expires_on", "date"],
    ["review_at", "timestamptz"],
    ["updated_at", "timestamptz"],
  ]);
  const currentMrr = table("customer_mrr", [
    ["customer_id", "text"],
    ["currency", "text"],
    ["mrr", "int8"],
    ["risk_level", "text"],
  ]);

  const start = options.now - SPAN_MS;
  const thisMonth = new Date(options.now).getUTCFullYear() * 12 + new Date(options.now).getUTCMonth();
  const step = SPAN_MS / options.total;
  for (let index = options.from; index < options.to; index++) {
    const fake = fakeCustomer(index);
    const createdAt = start + (index + fake.next()) * step;
    const id = eidAt("cus", createdAt);
    const subscribed = fake.status !== "deleted" && fake.next() < 0.55;
    const cardId = subscribed ? eidAt("pm", createdAt + 60_000) : null;
    push(customers, customerRow(id, fake, cardId, createdAt, options.now));
    let card: SeededCard | null = null;
    const billed: SeededSubscription[] = [];
    const charged: SeededCharge[] = [];
    if (cardId) {
      const brand = fake.next() < 0.7 ? "visa" : "mastercard";
      const expiry = thisMonth - 3 + Math.floor(fake.next() * 64);
      card = {
        id: cardId,
        last4: String(1000 + Math.floor(fake.next() * 8999)),
        expMonth: (expiry % 12) + 1,
        expYear: Math.floor(expiry / 12),
      };
      push(cards, [
        cardId,
        id,
        `pm_seed_${index}`,
        brand,
        card.last4,
        card.expMonth,
        card.expYear,
        iso(createdAt + 60_000),
        iso(createdAt + 60_000),
      ]);
      if (options.billing.subscriptions) {
        const seeded = subscriptionOf(fake, createdAt);
        billed.push(seeded.subscription);
        push(subscriptions, subscriptionRow(id, index, seeded));
      }
      if (options.billing.charges) {
        const count = Math.floor(fake.next() * 3);
        for (let n = 0; n < count; n++) {
          const at = createdAt + fake.next() * (options.now - createdAt);
          const roll = fake.next();
          const status = roll < 0.92 ? "succeeded" : roll < 0.98 ? "failed" : "pending";
          const chargeId = eidAt("ch", at);
          charged.push({ id: chargeId, at, status });
          push(charges, [
            chargeId,
            id,
            500 + Math.floor(fake.next() * 50_000),
            "EUR",
            status,
            `pi_seed_${index}_${n}`,
            `seed-${index}-${n}`,
            iso(at),
            iso(at),
          ]);
        }
      }
    }
    if (!options.billing.financials) continue;
    const kept = seededFinancials({ now: options.now, card, subscriptions: billed, charges: charged });
    push(financials, [
      id,
      kept.financials.primaryCurrency,
      kept.financials.riskScore,
      kept.financials.riskLevel,
      kept.financials.riskSignals,
      kept.financials.hasPaymentMethod,
      kept.financials.cardExpiresOn,
      kept.financials.reviewAt,
      iso(options.now),
    ]);
    for (const row of kept.mrr) push(currentMrr, [id, row.currency, row.mrr, kept.financials.riskLevel]);
  }
  return [
    customers,
    cards,
    ...(options.billing.subscriptions ? [subscriptions] : []),
    ...(options.billing.charges ? [charges] : []),
    ...(options.billing.financials ? [financials, currentMrr] : []),
  ];
}

function customerRow(id: string, fake: FakeCustomer, cardId: string | null, createdAt: number, now: number) {
  const updatedAt = createdAt + fake.next() * (now - createdAt) * 0.1;
  return [
    id,
    fake.externalId,
    fake.email,
    fake.companyName,
    fake.line1,
    fake.city,
    fake.postalCode,
    fake.country,
    fake.properties,
    fake.status,
    cardId,
    iso(createdAt),
    iso(updatedAt),
    fake.status === "deleted" ? iso(updatedAt) : null,
  ];
}

/** A seeded subscription: what MRR and risk are computed from, plus its period and creation time. */
function subscriptionOf(fake: FakeCustomer, createdAt: number) {
  const yearly = fake.next() < 0.2;
  const roll = fake.next();
  const subscription: SeededSubscription = {
    id: eidAt("sub", createdAt + 120_000),
    status: roll < 0.85 ? "active" : roll < 0.9 ? "past_due" : "canceled",
    currency: ["EUR", "USD", "GBP"][Math.floor(fake.next() * 3)] ?? "EUR",
    unitAmount: [900, 2900, 9900, 29900][Math.floor(fake.next() * 4)] ?? 2900,
    quantity: 1 + Math.floor(fake.next() * 10),
    interval: yearly ? "year" : "month",
  };
  const periodStart = Date.now() - fake.next() * (yearly ? 365 : 30) * DAY;
  return { subscription, periodStart, periodDays: yearly ? 365 : 30, createdAt: createdAt + 120_000 };
}

function subscriptionRow(customerId: string, index: number, seeded: ReturnType<typeof subscriptionOf>) {
  const { subscription, periodStart, periodDays, createdAt } = seeded;
  return [
    subscription.id,
    customerId,
    `sub_seed_${index}`,
    subscription.status,
    subscription.currency,
    subscription.unitAmount,
    subscription.quantity,
    subscription.interval,
    seededSubscriptionMrr(subscription),
    iso(periodStart),
    iso(periodStart + periodDays * DAY),
    iso(createdAt),
    iso(createdAt),
  ];
}
