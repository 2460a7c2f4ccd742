// The event rule: every recorded change of a customer's MRR in a currency (one mrr_snapshots row)
// is one movement, classified by its before → after with classifyMovement, as ChartMogul's
// activity log does. A period's movements are the events whose time falls in it (UTC), so a
// customer can churn and reactivate within one month and appear twice.
import { assertInteger, normaliseCurrency } from "./integer-math";
import { classifyMovement, GROWTH_TYPES, MOVEMENT_TYPES } from "./movements";
import type { MovementTotal, MovementType } from "./types";

/** One recorded change of one customer's MRR in one currency. */
export interface MrrEvent {
  currency: string;
  at: Date;
  mrrBefore: number;
  mrrAfter: number;
  /** Whether the customer had MRR in this currency at any time before this event. */
  hadMrrBefore: boolean;
}

export type MovementTotals = Record<MovementType, MovementTotal>;

/** The five movement types, each at 0. */
export function emptyMovementTotals(): MovementTotals {
  const zero = () => ({ count: 0, amount: 0 });
  return { new: zero(), expansion: zero(), reactivation: zero(), contraction: zero(), churn: zero() };
}

/** The movement an event is, or null when it did not move the figure (before = after). */
export function movementOfEvent(event: Omit<MrrEvent, "at" | "currency">): MovementType | null {
  return classifyMovement({
    customerId: "",
    currency: "XXX",
    startMrr: event.mrrBefore,
    endMrr: event.mrrAfter,
    hadMrrBeforeStart: event.hadMrrBefore,
  });
}

/**
 * How an event moves the kept figures of its day: one count and |after − before| in its type,
 * the book's MRR by after − before, and the paying customers (MRR > 0) by +1 on new and
 * reactivation, −1 on churn.
 */
export function eventEffect(event: Omit<MrrEvent, "at" | "currency">) {
  const type = movementOfEvent(event);
  const delta = event.mrrAfter - event.mrrBefore;
  const paying = type === "new" || type === "reactivation" ? 1 : type === "churn" ? -1 : 0;
  return { type, amount: Math.abs(delta), delta, paying };
}

/** new + expansion + reactivation − contraction − churn. */
export function netNewMrr(totals: MovementTotals): number {
  return MOVEMENT_TYPES.reduce(
    (net, type) => net + (GROWTH_TYPES.has(type) ? 1 : -1) * totals[type].amount,
    0,
  );
}

/** Adds b's counts and amounts into a (mutating a) and returns a. */
export function addMovementTotals(a: MovementTotals, b: MovementTotals): MovementTotals {
  for (const type of MOVEMENT_TYPES) {
    a[type].count += b[type].count;
    a[type].amount += b[type].amount;
  }
  return a;
}

/** One currency's kept figures for one UTC day (mrr_days). */
export interface DayFigures {
  currency: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  movements: MovementTotals;
  /** The book's MRR in this currency at the end of the day. */
  endMrr: number;
  /** Customers with MRR > 0 in this currency at the end of the day. */
  payingCustomers: number;
}

/**
 * The kept daily figures that a list of events gives, per currency and UTC day, oldest first:
 * what mrr_days must hold (the property tests compare the table with this). Days without
 * events have no row; their figures are those of the last day before them.
 */
export function dailyFiguresOf(events: readonly MrrEvent[]): DayFigures[] {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const days = new Map<string, DayFigures>();
  const running = new Map<string, { mrr: number; paying: number }>();
  for (const event of sorted) {
    assertInteger(event.mrrBefore, "mrrBefore");
    assertInteger(event.mrrAfter, "mrrAfter");
    const currency = normaliseCurrency(event.currency);
    const day = event.at.toISOString().slice(0, 10);
    const total = running.get(currency) ?? { mrr: 0, paying: 0 };
    running.set(currency, total);
    const effect = eventEffect(event);
    total.mrr += effect.delta;
    total.paying += effect.paying;
    const key = `${currency} ${day}`;
    const figures = days.get(key) ?? {
      currency,
      day,
      movements: emptyMovementTotals(),
      endMrr: 0,
      payingCustomers: 0,
    };
    days.set(key, figures);
    if (effect.type) {
      figures.movements[effect.type].count += 1;
      figures.movements[effect.type].amount += effect.amount;
    }
    figures.endMrr = total.mrr;
    figures.payingCustomers = total.paying;
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
