import type { RevenueSubscription } from "./types";

/** For the metrics' tests: an active monthly USD subscription of 4,900 × 1, with overrides. */
export const sub = (overrides: Partial<RevenueSubscription> = {}): RevenueSubscription => ({
  status: "active",
  currency: "USD",
  unitAmount: 4900,
  quantity: 1,
  interval: "month",
  ...overrides,
});
