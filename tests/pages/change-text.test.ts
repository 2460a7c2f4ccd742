import { describe, expect, it } from "vitest";
import { changeText } from "@/components/metrics/change-text";
import type { MrrChange } from "@/lib/queries/types";

const change = (kind: string, from: MrrChange["from"] = null, to: MrrChange["to"] = null): MrrChange => ({
  subscription_id: "sub_1",
  description: "Pro plan",
  change: kind as MrrChange["change"],
  from,
  to,
});

describe("a cause of an MRR movement, in words", () => {
  it("shows the old and new value of what changed, amounts as money of the movement's currency", () => {
    expect(changeText(change("quantity_changed", 1, 2), "USD")).toBe("quantity 1 → 2");
    expect(changeText(change("amount_changed", 4900, 5900), "USD")).toBe("amount $49.00 → $59.00");
    expect(changeText(change("amount_changed", 5000, 6000), "JPY")).toBe("amount ¥5,000 → ¥6,000");
    expect(changeText(change("interval_changed", "month", "year"), "USD")).toBe("interval month → year");
  });

  it("names status changes, and says so when the cause was never recorded", () => {
    expect(changeText(change("created"), "USD")).toBe("created");
    expect(changeText(change("trial_ended"), "USD")).toBe("trial ended");
    expect(changeText(change("past_due"), "USD")).toBe("became past due");
    expect(changeText(change("status_changed", "past_due", "active"), "USD")).toBe(
      "status past_due → active",
    );
    expect(changeText(change("unknown"), "USD")).toContain("not recorded");
    expect(changeText(change("something_new"), "USD")).toBe("something new");
  });
});
