import { formatMoney } from "@/lib/format/money";
import type { MrrChange } from "@/lib/queries/types";

const value = (raw: MrrChange["from"]) => (raw === null ? "none" : String(raw));

/** Amounts are minor units of the movement's currency; every other value is shown as sent. */
const money = (raw: MrrChange["from"], currency: string) =>
  typeof raw === "number" && Number.isSafeInteger(raw) ? formatMoney(raw, currency) : value(raw);

const WHAT: Partial<Record<MrrChange["change"], string>> = {
  created: "created",
  canceled: "canceled",
  trial_started: "trial started",
  trial_ended: "trial ended",
  past_due: "became past due",
  unpaid: "marked unpaid",
  paused: "paused",
  resumed: "resumed",
  reactivated: "reactivated",
  activated: "first payment made",
  unknown: "cause not recorded (changed before causes were kept)",
};

/** What one change did, in words: "quantity 1 → 2", "amount $49.00 → $59.00", "trial ended". */
export function changeText(change: MrrChange, currency: string): string {
  switch (change.change) {
    case "quantity_changed":
      return `quantity ${value(change.from)} → ${value(change.to)}`;
    case "amount_changed":
      return `amount ${money(change.from, currency)} → ${money(change.to, currency)}`;
    case "interval_changed":
      return `interval ${value(change.from)} → ${value(change.to)}`;
    case "discount_changed":
      return `discount ${value(change.from)} → ${value(change.to)}`;
    case "status_changed":
      return `status ${value(change.from)} → ${value(change.to)}`;
    default:
      // A kind added to the API after this page was written still reads as words.
      return WHAT[change.change] ?? String(change.change).replaceAll("_", " ");
  }
}
