import { db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { refreshCustomerFinancials } from "./refresh-customer-financials";

const BATCH = 200;

/** Who needs a refresh: those whose review time has come, and those not kept yet (the back-fill). */
const DUE = {
  review: (now: Date) =>
    Prisma.sql`c.id in (select customer_id from customer_financials where review_at <= ${now})`,
  backfill: () => Prisma.sql`not exists (select 1 from customer_financials f where f.customer_id = c.id)`,
} as const;

/**
 * The review job: refreshes every customer whose figures time alone has moved (review_at has
 * come) and every customer without kept figures (those that existed before the figures were
 * kept). It walks each set by id ranges, a batch of ids at a time, and refreshes each customer
 * in a transaction of its own, which takes the customer's row lock like every change does: a
 * customer being changed meanwhile is simply refreshed after that change. One customer whose
 * facts cannot be computed is logged and passed, never blocking the rest.
 */
export async function reviewCustomerFinancials({
  now = new Date(),
  log = () => {},
}: {
  now?: Date;
  log?: (line: string) => void;
} = {}): Promise<{ refreshed: number; failed: number }> {
  let refreshed = 0;
  let failed = 0;
  for (const due of [DUE.review(now), DUE.backfill()]) {
    let after = "";
    for (;;) {
      const ids = await db().$queryRaw<{ id: string }[]>`
        select c.id from customers c where c.id > ${after} and ${due} order by c.id limit ${BATCH}`;
      for (const { id } of ids) {
        try {
          await db().$transaction((tx) => refreshCustomerFinancials(tx, id, now));
          refreshed += 1;
        } catch (error) {
          failed += 1;
          log(`customer financials of ${id}: ${(error as Error).message}`);
        }
      }
      const last = ids.at(-1);
      if (!last || ids.length < BATCH) break;
      after = last.id;
    }
  }
  return { refreshed, failed };
}
