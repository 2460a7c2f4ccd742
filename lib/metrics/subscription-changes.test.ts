import { describe, expect, it } from "vitest";
import { type SubscriptionState, subscriptionChanges } from "./subscription-changes";

const state = (overrides: Partial<SubscriptionState> = {}): SubscriptionState => ({
  id: "sub_1",
  description: "Pro plan",
  status: "active",
  currency: "USD",
  unitAmount: 4900,
  quantity: 1,
  interval: "month",
  intervalCount: 1,
  ...overrides,
});

describe("subscriptionChanges", () => {
  it.each<[string, SubscriptionState | null, Partial<SubscriptionState>, [string, unknown, unknown][]]>([
    ["new to us: created", null, {}, [["created", null, "active"]]],
    [
      "trialing → active: trial_ended",
      state({ status: "trialing" }),
      {},
      [["trial_ended", "trialing", "active"]],
    ],
    ["active → past_due", state(), { status: "past_due" }, [["past_due", "active", "past_due"]]],
    ["active → unpaid", state(), { status: "unpaid" }, [["unpaid", "active", "unpaid"]]],
    ["active → canceled", state(), { status: "canceled" }, [["canceled", "active", "canceled"]]],
    ["paused → active: resumed", state({ status: "paused" }), {}, [["resumed", "paused", "active"]]],
    ["unpaid → active: reactivated", state({ status: "unpaid" }), {}, [["reactivated", "unpaid", "active"]]],
    [
      "incomplete → active: activated",
      state({ status: "incomplete" }),
      {},
      [["activated", "incomplete", "active"]],
    ],
    [
      "past_due → active: status_changed",
      state({ status: "past_due" }),
      {},
      [["status_changed", "past_due", "active"]],
    ],
    ["quantity 1 → 2", state(), { quantity: 2 }, [["quantity_changed", 1, 2]]],
    ["amount", state(), { unitAmount: 9900 }, [["amount_changed", 4900, 9900]]],
    ["interval", state(), { interval: "year" }, [["interval_changed", "1 month", "1 year"]]],
    [
      "several at once, in a fixed order",
      state({ status: "trialing" }),
      { quantity: 3, unitAmount: 100 },
      [
        ["trial_ended", "trialing", "active"],
        ["quantity_changed", 1, 3],
        ["amount_changed", 4900, 100],
      ],
    ],
    ["nothing that moves MRR", state(), {}, []],
  ])("%s", (_name, before, after, expected) => {
    const changes = subscriptionChanges(before, state(after));
    expect(changes.map((change) => [change.change, change.from, change.to])).toEqual(expected);
    for (const change of changes)
      expect(change).toMatchObject({ subscription_id: "sub_1", description: "Pro plan" });
  });
});
