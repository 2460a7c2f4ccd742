// Public surface of the metrics module: pure functions over plain data, no I/O.
export { type BreakdownLine, breakdownLine } from "./breakdown";
export { dailyMrrHistory, type MrrChangeRow, mrrAt, primaryCurrency } from "./history";
export {
  classifyMovement,
  customerMrrChanges,
  GROWTH_TYPES,
  MOVEMENT_TYPES,
  summariseMovements,
  toMovements,
} from "./movements";
export { countsTowardMrr, mrrByCurrency, subscriptionMrr, yrrFromMrr } from "./mrr";
export {
  addMovementTotals,
  type DayFigures,
  dailyFiguresOf,
  emptyMovementTotals,
  eventEffect,
  type MovementTotals,
  type MrrEvent,
  movementOfEvent,
  netNewMrr,
} from "./mrr-events";
export {
  addDays,
  countPeriods,
  defaultSeriesFrom,
  type Period,
  periodStartOf,
  periodsOf,
  SERIES_INTERVALS,
  type SeriesInterval,
} from "./periods";
export {
  assessRisk,
  CARD_EXPIRING_WITHIN_DAYS,
  daysUntilCardExpiry,
  MAX_RISK_SCORE,
  MAX_WEIGHTED_FAILED_CHARGES,
  overdueInvoices,
  RISK_LEVEL_THRESHOLDS,
  RISK_WEIGHTS,
  riskLevel,
} from "./risk";
export { type Evidence, type EvidenceFacts, type EvidenceType, withEvidence } from "./risk-evidence";
export { mrrSeries, type SeriesPoint } from "./series";
export {
  CHANGE_KINDS,
  type ChangeKind,
  type SubscriptionChange,
  type SubscriptionState,
  subscriptionChanges,
  UNKNOWN_CHANGE,
} from "./subscription-changes";
export * from "./types";
