import * as api from "@donutwork/api-client";
import type { APIRequestContext } from "@playwright/test";
import { billableCustomer, cancelNow, changeSubscription, subscribe } from "../../billing/billing-support";
import { writeClient } from "../../support/api";
import { expectData } from "../../support/api-typed";

/**
 * A currency no other spec bills in ("Q" and two random letters: Intl formats any well-formed
 * code, and so the API and the emulator accept it), so this spec's book is the whole series of
 * its currency while other specs add MRR in USD, EUR and JPY on the same server at the same time.
 */
export function currencyOfOurOwn(): string {
  const letter = () => String.fromCharCode(65 + Math.floor(Math.random() * 26));
  const code = `Q${letter()}${letter()}`;
  return code === "QAR" ? currencyOfOurOwn() : code;
}

/**
 * Two customers' month in `currency`: Alice subscribes (49.00) and doubles her quantity, Bob
 * subscribes (2 × 30.00) and cancels. So this month: new 2 (109.00), expansion 1 (49.00),
 * churn 1 (60.00); MRR ends at 98.00 (Alice's 2 × 49.00).
 */
export async function monthOfTwoCustomers(request: APIRequestContext, currency: string) {
  const [alice, bob] = await Promise.all([billableCustomer(request), billableCustomer(request)]);
  const aliceSubscription = await subscribe(request, alice.id, { amount: 4900, currency });
  const bobSubscription = await subscribe(request, bob.id, { amount: 3000, quantity: 2, currency });
  await changeSubscription(request, aliceSubscription.id, { quantity: 2 });
  await cancelNow(request, bobSubscription.id);
  return { alice, bob, aliceSubscription, bobSubscription };
}

/** GET /metrics/mrr.json with the write key, for comparing the page with the API. */
export async function seriesOf(
  request: APIRequestContext,
  query: NonNullable<api.GetMrrSeriesData["query"]>,
) {
  return expectData(await api.getMrrSeries({ client: writeClient(request), query }), 200);
}
