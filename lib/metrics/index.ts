// Public surface of the metrics module: pure functions over plain data, no I/O.
export { dailyMrrHistory, type MrrChangeRow, mrrAt, primaryCurrency } from "./history";
export {
  classifyMovement,
  customerMrrChanges,
  MOVEMENT_TYPES,
  summariseMovements,
  toMovements,
} from "./movements";
export { countsTowardMrr, mrrByCurrency, subscriptionMrr, yrrFromMrr } from "./mrr";
export {
  assessRisk,
  CARD_EXPIRING_WITHIN_DAYS,
  daysUntilCardExpiry,
  MAX_RISK_SCORE,
  MAX_WEIGHTED_FAILED_CHARGES,
  RISK_LEVEL_THRESHOLDS,
  RISK_WEIGHTS,
  riskLevel,
} from "./risk";
export * from "./types";
