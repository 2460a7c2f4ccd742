import { describe, expect, it } from "vitest";
import { invoiceAnnouncements } from "./invoice-announcements";

const state = (status: string, attemptCount = 0) => ({ status, attemptCount });

describe("invoiceAnnouncements", () => {
  it.each([
    ["a draft first seen", null, state("draft"), []],
    ["leaving draft", state("draft"), state("open"), ["invoice.finalized"]],
    ["first seen open", null, state("open"), ["invoice.finalized"]],
    ["paid at once from draft", state("draft"), state("paid", 1), ["invoice.finalized", "invoice.paid"]],
    ["first seen paid", null, state("paid", 1), ["invoice.finalized", "invoice.paid"]],
    ["open, then paid", state("open", 1), state("paid", 2), ["invoice.paid"]],
    ["a failed attempt", state("open"), state("open", 1), ["invoice.payment_failed"]],
    [
      "first seen after a failed attempt",
      null,
      state("open", 1),
      ["invoice.finalized", "invoice.payment_failed"],
    ],
    ["the same state again", state("open", 1), state("open", 1), []],
    ["paid, seen again", state("paid", 1), state("paid", 1), []],
    ["voided", state("open"), state("void"), []],
  ] as const)("%s", (_name, before, after, expected) => {
    expect(invoiceAnnouncements(before, after)).toEqual(expected);
  });
});
