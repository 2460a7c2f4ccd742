import { eidAt } from "./eid";
import { type FakeCustomer, fakeCustomer } from "./fake-data";

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
 * Customers with a subscription also get a saved card as default payment method; the billing
 * tables are filled only where they exist.
 */
export function seedBatch(options: {
  from: number;
  to: number;
  total: number;
  now: number;
  billing: { subscriptions: boolean; charges: boolean };
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

  const start = options.now - SPAN_MS;
  const step = SPAN_MS / options.total;
  for (let index = options.from; index < options.to; index++) {
    const fake = fakeCustomer(index);
    const createdAt = start + (index + fake.next()) * step;
    const id = eidAt("cus", createdAt);
    const subscribed = fake.status !== "deleted" && fake.next() < 0.55;
    const cardId = subscribed ? eidAt("pm", createdAt + 60_000) : null;
    push(customers, customerRow(id, fake, cardId, createdAt, options.now));
    if (!cardId) continue;
    push(cards, [
      cardId,
      id,
      `pm_seed_${index}`,
      fake.next() < 0.7 ? "visa" : "mastercard",
      String(1000 + Math.floor(fake.next() * 8999)),
      1 + Math.floor(fake.next() * 12),
      2027 + Math.floor(fake.next() * 5),
      iso(createdAt + 60_000),
      iso(createdAt + 60_000),
    ]);
    if (options.billing.subscriptions) push(subscriptions, subscriptionRow(id, index, fake, createdAt));
    if (options.billing.charges) {
      const count = Math.floor(fake.next() * 3);
      for (let n = 0; n < count; n++) {
        const at = createdAt + fake.next() * (options.now - createdAt);
        const roll = fake.next();
        push(charges, [
          eidAt("ch", at),
          id,
          500 + Math.floor(fake.next() * 50_000),
          "EUR",
          roll < 0.92 ? "succeeded" : roll < 0.98 ? "failed" : "pending",
          `pi_seed_${index}_${n}`,
          `seed-${index}-${n}`,
          iso(at),
          iso(at),
        ]);
      }
    }
  }
  return [
    customers,
    cards,
    ...(options.billing.subscriptions ? [subscriptions] : []),
    ...(options.billing.charges ? [charges] : []),
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

function subscriptionRow(customerId: string, index: number, fake: FakeCustomer, createdAt: number) {
  const yearly = fake.next() < 0.2;
  const unitAmount = [900, 2900, 9900, 29900][Math.floor(fake.next() * 4)] ?? 2900;
  const quantity = 1 + Math.floor(fake.next() * 10);
  const roll = fake.next();
  const status = roll < 0.85 ? "active" : roll < 0.9 ? "past_due" : "canceled";
  const mrr = status === "canceled" ? 0 : Math.round((unitAmount * quantity) / (yearly ? 12 : 1));
  const periodStart = Date.now() - fake.next() * (yearly ? 365 : 30) * DAY;
  return [
    eidAt("sub", createdAt + 120_000),
    customerId,
    `sub_seed_${index}`,
    status,
    ["EUR", "USD", "GBP"][Math.floor(fake.next() * 3)] ?? "EUR",
    unitAmount,
    quantity,
    yearly ? "year" : "month",
    mrr,
    iso(periodStart),
    iso(periodStart + (yearly ? 365 : 30) * DAY),
    iso(createdAt + 120_000),
    iso(createdAt + 120_000),
  ];
}
