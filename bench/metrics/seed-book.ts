import type pg from "pg";
import { migrationStatement } from "./migration-statement";

/**
 * Seeds a book of `customers` customers with two subscriptions each, generated inside PostgreSQL
 * (INSERT … SELECT over generate_series), so 100 000 customers take seconds. Ids have the eid
 * shape; amounts and statuses are spread so every metric has work to do: 80 % active, 5 %
 * past_due, 5 % trialing, 10 % canceled; three currencies; monthly and yearly; a card on 95 % of
 * the customers (some expiring), failed and disputed charges, two years of MRR history rows and their kept days (mrr_days).
 */
export async function seedBook(client: pg.Client, customers: number): Promise<void> {
  const id = (prefix: string, expr: string) => `'${prefix}_' || lpad((${expr})::text, 26, '0')`;
  await client.query(`
    insert into customers (id, external_id, email, address_country, status, created_at, updated_at)
    select ${id("cus", "i")}, 'bench-' || i, 'c' || i || '@bench.example', 'DE',
      (case when i % 50 = 0 then 'suspended' when i % 97 = 0 then 'deleted' else 'active' end)::"CustomerStatus",
      now() - (i % 365) * interval '1 day', now()
    from generate_series(1, ${customers}) i`);
  await client.query(`
    insert into payment_methods (id, customer_id, stripe_payment_method_id, brand, last4, exp_month, exp_year, updated_at)
    select ${id("pm", "i")}, ${id("cus", "i")}, 'pm_stripe_' || i, 'visa', lpad((i % 10000)::text, 4, '0'),
      (i % 12) + 1, case when i % 40 = 0 then extract(year from now())::int else 2030 end, now()
    from generate_series(1, ${customers}) i where i % 20 <> 0`);
  await client.query(`
    update customers c set default_payment_method_id = p.id from payment_methods p where p.customer_id = c.id`);
  await client.query(`
    insert into subscriptions (id, customer_id, stripe_subscription_id, description, status, currency,
      unit_amount, quantity, interval, mrr, current_period_start, current_period_end, created_at, updated_at)
    select ${id("sub", "s")}, ${id("cus", "(s + 1) / 2")}, 'sub_stripe_' || s, 'Plan ' || (s % 7), status, currency,
      amount, quantity, interval,
      case when status in ('active', 'past_due')
        then case when interval = 'year' then (2 * amount * quantity + 12) / 24 else amount * quantity end
        else 0 end,
      now() - interval '10 days', now() + interval '20 days', now() - (s % 300) * interval '1 day', now()
    from (
      select s,
        case when s % 20 = 0 then 'past_due' when s % 20 = 1 then 'trialing'
             when s % 10 = 2 then 'canceled' else 'active' end as status,
        (array['USD', 'EUR', 'GBP'])[1 + (s % 3)] as currency,
        1000 + (s % 50) * 100 as amount, 1 + (s % 3) as quantity,
        case when s % 4 = 0 then 'year' else 'month' end as interval
      from generate_series(1, ${customers * 2}) s
    ) generated`);
  await client.query(`
    insert into charges (id, customer_id, amount, currency, status, idempotency_key, disputed, created_at, updated_at)
    select ${id("ch", "i")}, ${id("cus", `1 + (i * 7) % ${customers}`)}, 1500, 'USD',
      case when i % 20 = 0 then 'failed' else 'succeeded' end, 'key-' || i, i % 500 = 0,
      now() - (i % 120) * interval '1 day', now()
    from generate_series(1, ${customers}) i`);
  // Two years of MRR history: per (customer, currency) of its subscriptions, 1–6 changes spread
  // over 730 days (some to 0, so churn and reactivation happen), the last one the figure it has
  // now; rows that would repeat the figure before them are left out, as recordMrrSnapshots does.
  // Each row's movement and causes as the writer records them (the causes here: "unknown").
  await client.query(`
    insert into mrr_snapshots (customer_id, currency, mrr, previous_mrr, had_mrr_before, effective_at, movement, changes)
    select customer_id, currency, mrr, previous_mrr, had_before, effective_at,
      case when coalesce(previous_mrr, 0) = 0 then case when had_before then 'reactivation' else 'new' end
           when mrr = 0 then 'churn' when mrr > previous_mrr then 'expansion' else 'contraction' end,
      '[{"subscription_id":null,"description":null,"change":"unknown","from":null,"to":null}]'::jsonb
    from (
      select customer_id, currency, mrr, effective_at,
        lag(mrr) over pair as previous_mrr,
        coalesce(bool_or(mrr > 0) over (pair rows between unbounded preceding and 1 preceding), false) as had_before
      from (
        select p.customer_id, p.currency,
          case when j = p.k then p.mrr when (p.h + j) % 7 = 0 then 0 else p.mrr * (60 + (p.h * j) % 80) / 100 end as mrr,
          now() - (((p.k - j) * 700 / p.k) + (p.h % 20)) * interval '1 day' - (p.h % 86400) * interval '1 second'
            as effective_at
        from (
          select customer_id, currency, sum(mrr)::bigint as mrr, abs(hashtext(customer_id || currency)::bigint) as h,
            (1 + abs(hashtext(customer_id || currency)::bigint) % 6)::int as k
          from subscriptions group by customer_id, currency
        ) p, generate_series(1, p.k) j
      ) changes
      window pair as (partition by customer_id, currency order by effective_at)
    ) chained
    where mrr <> coalesce(previous_mrr, 0)`);
  // The kept days from those rows, by the migration's own back-fill statement.
  await client.query(migrationStatement("revenue_history", 'INSERT INTO "mrr_days"'));
  await client.query("analyze");
}
