import type { RiskAssessment } from "../../metrics";
import { customerFiguresOf } from "../metrics/customer-figures";

/**
 * The risk of a customer just created: no card, no subscription, no charge, no invoice. Computed by the same
 * function as every other customer's figures (so it is the no_payment_method signal), for the
 * customer_financials row that create-customer writes in its own statement.
 */
export function newCustomerRisk(now: Date): RiskAssessment {
  return customerFiguresOf(
    {
      customer: { id: "", status: "active", defaultPaymentMethod: null },
      subscriptions: [],
      failedCharges: 0,
      disputedCharges: 0,
      failedChargeIds: [],
      disputedChargeIds: [],
      oldestRiskChargeAt: null,
      mrrChanges: [],
      invoices: [],
    },
    now,
  ).risk;
}
