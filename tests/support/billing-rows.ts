import type { PrismaClient } from "../../lib/generated/prisma/client";
import { idTime } from "../../lib/ids";

export interface CardExpiryRow {
  expMonth: number;
  expYear: number;
}

/**
 * A customer written straight into the tables (no audit, no Stripe, no kept figures), with a
 * default card unless `card` is null: for tests of the SQL and jobs that read billing facts,
 * which need facts in the past. `id` must be a fresh customer eid.
 */
export async function insertCustomerRow(
  db: PrismaClient,
  id: string,
  card: CardExpiryRow | null,
): Promise<string> {
  await db.customer.create({
    data: {
      id,
      externalId: `ext-${id}`,
      email: `${id.toLowerCase()}@example.com`,
      addressCountry: "DE",
      // As create-customer.ts does: a created_at range is also an id range (created-id-bounds.ts).
      createdAt: idTime(id),
    },
  });
  if (card) {
    const pm = `pm_${id.slice(4)}`;
    await db.paymentMethod.create({
      data: {
        id: pm,
        customerId: id,
        stripePaymentMethodId: `stripe_${pm}`,
        brand: "visa",
        last4: "4242",
        ...card,
      },
    });
    await db.customer.update({ where: { id }, data: { defaultPaymentMethodId: pm } });
  }
  return id;
}
