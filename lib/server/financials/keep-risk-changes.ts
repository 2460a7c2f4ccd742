import type { Tx } from "../../db";
import type { RiskLevel } from "../../metrics";
import { SYSTEM_ACTOR } from "../audit/actor";
import { recordChange } from "../audit/record-change";
import type { CustomerFigures } from "../metrics/customer-figures";

/**
 * What refreshCustomerFinancials keeps of a risk's history, in its transaction and under the
 * customer's row lock: a period per signal (customer_risk_signals: opened when a code appears,
 * closed when it clears, so each code has at most one open period), and the
 * `customer.risk_changed` event when the kept level differs from `previousLevel` (null: the
 * customer had no kept row, i.e. it is being created, which announces itself as
 * customer.created). Recomputing to the same level, or a repeated Stripe delivery, announces nothing.
 */
export async function keepRiskChanges(
  tx: Tx,
  {
    customerId,
    figures,
    previousLevel,
    now,
  }: { customerId: string; figures: CustomerFigures; previousLevel: RiskLevel | null; now: Date },
) {
  const codes = figures.risk.signals.map((signal) => signal.code);
  await tx.$executeRaw`
    with cleared as (
      update customer_risk_signals set cleared_at = ${now}
      where customer_id = ${customerId} and cleared_at is null and code <> all(${codes}::text[])
    )
    insert into customer_risk_signals (customer_id, code, appeared_at)
    select ${customerId}, code, ${now} from unnest(${codes}::text[]) as current(code)
    where not exists (
      select 1 from customer_risk_signals open
      where open.customer_id = ${customerId} and open.code = current.code and open.cleared_at is null)`;
  const { level, score, signals } = figures.risk;
  if (previousLevel === null || previousLevel === level) return;
  await recordChange(tx, {
    actor: SYSTEM_ACTOR,
    action: "customer.risk_changed",
    entityType: "customer",
    entityId: customerId,
    customerId,
    before: { customer_id: customerId, level: previousLevel },
    after: { customer_id: customerId, previous_level: previousLevel, level, score, signals },
  });
}
