import { describe, expect, it } from "vitest";
import { cardState } from "./card-state";

describe("cardState", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  it("is valid through the last day of the expiry month", () => {
    expect(cardState({ exp_month: 12, exp_year: 2030 }, now)).toBe("valid");
    // January 2027 ends 2027-01-31, 60 days away.
    expect(cardState({ exp_month: 1, exp_year: 2027 }, now)).toBe("valid");
  });
  it("is expiring when its last valid day is within 30 days, expired once that day has passed", () => {
    expect(cardState({ exp_month: 12, exp_year: 2026 }, now)).toBe("expiring");
    expect(cardState({ exp_month: 11, exp_year: 2026 }, now)).toBe("expired");
    expect(cardState({ exp_month: 12, exp_year: 2026 }, new Date("2026-12-31T23:59:00Z"))).toBe("expiring");
    expect(cardState({ exp_month: 12, exp_year: 2026 }, new Date("2027-01-01T00:00:00Z"))).toBe("expired");
  });
});
