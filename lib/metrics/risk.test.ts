import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessRisk, daysUntilCardExpiry, overdueInvoices, RISK_WEIGHTS, riskLevel } from "./risk";
import { withEvidence } from "./risk-evidence";
import type { InvoiceDue, RiskInput } from "./types";

// A customer with nothing wrong: every test changes one fact and looks at one signal.
const healthy = (overrides: Partial<RiskInput> = {}): RiskInput => ({
  now: new Date("2026-06-15T12:00:00Z"),
  defaultPaymentMethod: { card: { last4: "4242", expMonth: 12, expYear: 2030 } },
  failedChargesLast90Days: 0,
  disputedChargesLast90Days: 0,
  pastDueSubscriptions: 0,
  currency: "USD",
  mrrNow: 19_800,
  mrr30DaysAgo: 19_800,
  invoices: [],
  ...overrides,
});

const codes = (input: RiskInput) => assessRisk(input).signals.map((signal) => signal.code);

describe("assessRisk signals", () => {
  it("reports nothing for a healthy customer", () => {
    expect(assessRisk(healthy())).toEqual({ score: 0, level: "low", signals: [] });
  });

  it("no_payment_method when there is no default method; a non-card method has no expiry", () => {
    expect(assessRisk(healthy({ defaultPaymentMethod: null })).signals).toEqual([
      { code: "no_payment_method", weight: 40, message: "No default payment method on file" },
    ]);
    expect(codes(healthy({ defaultPaymentMethod: { card: null } }))).toEqual([]);
  });

  describe("card expiry (valid through the last day of its month, UTC dates)", () => {
    const card = { last4: "4242", expMonth: 12, expYear: 2026 };
    const at = (iso: string) => healthy({ now: new Date(iso), defaultPaymentMethod: { card } });

    it("card_expiring exactly 30 days before the last valid day", () => {
      expect(assessRisk(at("2026-12-01T23:59:59Z")).signals).toEqual([
        { code: "card_expiring", weight: 15, message: "Card ending 4242 expires on 2026-12-31 (in 30 days)" },
      ]);
    });

    it("nothing 31 days before", () => {
      expect(codes(at("2026-11-30T00:00:00Z"))).toEqual([]);
    });

    it("still expiring (not expired) on the last day itself", () => {
      expect(assessRisk(at("2026-12-31T23:59:59Z")).signals[0]?.message).toBe(
        "Card ending 4242 expires on 2026-12-31 (today)",
      );
    });

    it("card_expired from the first day of the next month", () => {
      expect(assessRisk(at("2027-01-01T00:00:00Z")).signals).toEqual([
        { code: "card_expired", weight: 40, message: "Card ending 4242 expired on 2026-12-31" },
      ]);
    });

    it("handles February in leap years and a card without last4", () => {
      expect(daysUntilCardExpiry({ expMonth: 2, expYear: 2028 }, new Date("2028-02-01T00:00:00Z"))).toBe(28);
      const input = healthy({ defaultPaymentMethod: { card: { expMonth: 6, expYear: 2026 } } });
      expect(assessRisk(input).signals[0]?.message).toBe(
        "The default card expires on 2026-06-30 (in 15 days)",
      );
    });

    it("rejects impossible months and two-digit years", () => {
      expect(() => daysUntilCardExpiry({ expMonth: 13, expYear: 2026 }, new Date())).toThrow(RangeError);
      expect(() => daysUntilCardExpiry({ expMonth: 1, expYear: 26 }, new Date())).toThrow(RangeError);
    });
  });

  it.each<[string, Partial<RiskInput>, string, number]>([
    ["charge_failed", { failedChargesLast90Days: 1 }, "1 charge failed in the last 90 days", 15],
    ["charge_failed", { failedChargesLast90Days: 2 }, "2 charges failed in the last 90 days", 30],
    ["charge_failed", { failedChargesLast90Days: 7 }, "7 charges failed in the last 90 days", 45],
    ["charge_disputed", { disputedChargesLast90Days: 1 }, "1 charge was disputed in the last 90 days", 35],
    ["charge_disputed", { disputedChargesLast90Days: 2 }, "2 charges were disputed in the last 90 days", 35],
    ["past_due", { pastDueSubscriptions: 1 }, "1 subscription is past due", 30],
    ["past_due", { pastDueSubscriptions: 3 }, "3 subscriptions are past due", 30],
    [
      "mrr_decreased",
      { mrrNow: 9_900 },
      "MRR fell from $198.00 to $99.00 over the last 30 days (50% down)",
      15,
    ],
    [
      "mrr_decreased",
      { mrrNow: 19_799 },
      "MRR fell from $198.00 to $197.99 over the last 30 days (under 1% down)",
      15,
    ],
    [
      "mrr_decreased",
      { mrrNow: 0, currency: "JPY", mrr30DaysAgo: 5_000 },
      "MRR fell from ¥5,000 to ¥0 over the last 30 days (100% down)",
      15,
    ],
  ])("%s: %j", (code, overrides, message, weight) => {
    expect(assessRisk(healthy(overrides)).signals).toEqual([{ code, message, weight }]);
  });

  it.each<[string, Partial<RiskInput>]>([
    ["0 failed charges", { failedChargesLast90Days: 0 }],
    ["0 disputes", { disputedChargesLast90Days: 0 }],
    ["0 past-due subscriptions", { pastDueSubscriptions: 0 }],
    ["MRR grew", { mrrNow: 20_000 }],
    ["MRR unchanged", { mrrNow: 19_800 }],
    ["no MRR history 30 days back", { mrrNow: 0, mrr30DaysAgo: null }],
  ])("no signal when %s", (_name, overrides) => {
    expect(codes(healthy(overrides))).toEqual([]);
  });

  describe("invoice_overdue (an open invoice past its due date; now is 2026-06-15T12:00Z)", () => {
    const invoice = (id: string, status: string, due: string | null): InvoiceDue => ({
      id,
      status,
      dueDate: due === null ? null : new Date(due),
    });
    const withInvoices = (...invoices: InvoiceDue[]) => healthy({ invoices });

    it.each<[string, InvoiceDue[], string | null]>([
      [
        "open, due yesterday",
        [invoice("in_a", "open", "2026-06-14T12:00:00Z")],
        "1 invoice is overdue (due on 2026-06-14)",
      ],
      [
        "open, due a millisecond ago",
        [invoice("in_a", "open", "2026-06-15T11:59:59.999Z")],
        "1 invoice is overdue (due on 2026-06-15)",
      ],
      ["open, due this very instant", [invoice("in_a", "open", "2026-06-15T12:00:00Z")], null],
      ["open, due tomorrow", [invoice("in_a", "open", "2026-06-16T12:00:00Z")], null],
      ["open without a due date (charged automatically)", [invoice("in_a", "open", null)], null],
      ["paid, due yesterday", [invoice("in_a", "paid", "2026-06-14T12:00:00Z")], null],
      ["void, due last month", [invoice("in_a", "void", "2026-05-14T12:00:00Z")], null],
      ["uncollectible, due last month", [invoice("in_a", "uncollectible", "2026-05-14T12:00:00Z")], null],
      ["draft, due yesterday", [invoice("in_a", "draft", "2026-06-14T12:00:00Z")], null],
      [
        "three overdue among others",
        [
          invoice("in_b", "open", "2026-06-01T00:00:00Z"),
          invoice("in_c", "open", "2026-06-20T00:00:00Z"),
          invoice("in_a", "open", "2026-05-20T08:00:00Z"),
          invoice("in_d", "paid", "2026-04-01T00:00:00Z"),
          invoice("in_e", "open", "2026-06-15T00:00:00Z"),
        ],
        "3 invoices are overdue, the oldest due on 2026-05-20",
      ],
    ])("%s", (_name, invoices, message) => {
      const { signals } = assessRisk(withInvoices(...invoices));
      expect(signals).toEqual(message === null ? [] : [{ code: "invoice_overdue", weight: 30, message }]);
    });

    it("one overdue invoice alone makes the account medium, as a past-due subscription does", () => {
      const risk = assessRisk(withInvoices(invoice("in_a", "open", "2026-06-14T12:00:00Z")));
      expect(risk).toMatchObject({ score: RISK_WEIGHTS.past_due, level: "medium" });
    });

    it("its evidence is the overdue invoices' ids, oldest due first (ties by id)", () => {
      const input = withInvoices(
        invoice("in_late", "open", "2026-06-10T00:00:00Z"),
        invoice("in_paid", "paid", "2026-06-01T00:00:00Z"),
        invoice("in_tie_b", "open", "2026-06-02T00:00:00Z"),
        invoice("in_tie_a", "open", "2026-06-02T00:00:00Z"),
        invoice("in_future", "open", "2026-07-01T00:00:00Z"),
      );
      const overdueIds = overdueInvoices(input.invoices, input.now).map((row) => row.id);
      expect(overdueIds).toEqual(["in_tie_a", "in_tie_b", "in_late"]);
      const [signal] = withEvidence(assessRisk(input).signals, {
        paymentMethodId: null,
        failedChargeIds: [],
        disputedChargeIds: [],
        pastDueSubscriptionIds: [],
        contractedSubscriptionIds: [],
        overdueInvoiceIds: overdueIds,
      });
      expect(signal).toMatchObject({
        code: "invoice_overdue",
        message: "3 invoices are overdue, the oldest due on 2026-06-02",
        evidence: [
          { type: "invoice", id: "in_tie_a" },
          { type: "invoice", id: "in_tie_b" },
          { type: "invoice", id: "in_late" },
        ],
      });
    });

    it("is listed after past_due, in the fixed order", () => {
      const input = healthy({
        pastDueSubscriptions: 1,
        mrrNow: 0,
        invoices: [invoice("in_a", "open", "2026-06-01T00:00:00Z")],
      });
      expect(codes(input)).toEqual(["past_due", "invoice_overdue", "mrr_decreased"]);
    });

    it("rejects an invalid due date", () => {
      expect(() => assessRisk(withInvoices(invoice("in_a", "open", "nope")))).toThrow(RangeError);
    });
  });

  it("rejects negative or fractional counts and invalid dates", () => {
    expect(() => assessRisk(healthy({ failedChargesLast90Days: -1 }))).toThrow(RangeError);
    expect(() => assessRisk(healthy({ pastDueSubscriptions: 0.5 }))).toThrow(RangeError);
    expect(() => assessRisk(healthy({ now: new Date("nope") }))).toThrow(RangeError);
  });
});

describe("score and level", () => {
  it("sums weights and caps the score at 100", () => {
    const everything = healthy({
      defaultPaymentMethod: null,
      failedChargesLast90Days: 3,
      disputedChargesLast90Days: 1,
      pastDueSubscriptions: 1,
      mrrNow: 0,
      invoices: [{ id: "in_a", status: "open", dueDate: new Date("2026-06-01T00:00:00Z") }],
    });
    const result = assessRisk(everything);
    expect(result.signals.reduce((sum, s) => sum + s.weight, 0)).toBe(40 + 45 + 35 + 30 + 30 + 15);
    expect(result).toMatchObject({ score: 100, level: "high" });
  });

  it("adds weights below the cap", () => {
    const result = assessRisk(healthy({ pastDueSubscriptions: 1, failedChargesLast90Days: 2 }));
    expect(result).toMatchObject({
      score: RISK_WEIGHTS.past_due + 2 * RISK_WEIGHTS.charge_failed,
      level: "high",
    });
  });

  it.each([
    [0, "low"],
    [29, "low"],
    [30, "medium"],
    [59, "medium"],
    [60, "high"],
    [100, "high"],
  ] as const)("score %i is %s", (score, level) => {
    expect(riskLevel(score)).toBe(level);
  });

  it("score is always an integer in 0..100", () => {
    const inputArb = fc.record({
      failedChargesLast90Days: fc.nat(20),
      disputedChargesLast90Days: fc.nat(5),
      pastDueSubscriptions: fc.nat(5),
      mrrNow: fc.nat(1_000_000),
      mrr30DaysAgo: fc.option(fc.nat(1_000_000), { nil: null }),
      defaultPaymentMethod: fc.constantFrom(null, { card: null }, { card: { expMonth: 6, expYear: 2026 } }),
    });
    fc.assert(
      fc.property(inputArb, (overrides) => {
        const { score } = assessRisk(healthy(overrides));
        expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
      }),
    );
  });
});
