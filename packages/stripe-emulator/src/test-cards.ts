import { createHash } from "node:crypto";
import type { CardRefusal } from "./errors";
import type { SavedCardBehaviour } from "./store";

/*
 * Stripe's test card numbers and how each behaves. Only the outcome is remembered once a card is
 * saved (brand, last 4, a fingerprint and its behaviour), never the number itself.
 */

export type CardBrand = "visa" | "mastercard" | "amex" | "unknown";

export interface TestCard {
  brand: CardBrand;
  last4: string;
  funding: "credit" | "debit";
  country: string;
  /** Stable per card number, like Stripe's, so the same card saved twice can be recognised. */
  fingerprint: string;
  behaviour: SavedCardBehaviour;
}

export type { CardRefusal };
export type CardCheck = { ok: true; card: TestCard } | ({ ok: false } & CardRefusal);

export const DECLINED: CardRefusal = {
  code: "card_declined",
  declineCode: "generic_decline",
  message: "Your card was declined.",
};

/** Numbers with a special behaviour; every other valid number simply succeeds. */
const SPECIAL_NUMBERS: Record<string, "declined" | "charges_fail" | "debit"> = {
  "4000000000000002": "declined",
  "4000000000000341": "charges_fail",
  "4000056655665556": "debit",
};

/** Stripe's `pm_card_*` test payment methods, as the card numbers they stand for. */
export const TEST_PAYMENT_METHOD_NUMBERS: Record<string, string> = {
  pm_card_visa: "4242424242424242",
  pm_card_visa_debit: "4000056655665556",
  pm_card_mastercard: "5555555555554444",
  pm_card_amex: "378282246310005",
  pm_card_chargeCustomerFail: "4000000000000341",
  pm_card_visa_chargeDeclined: "4000000000000002",
};

export function checkTestCard(rawNumber: string): CardCheck {
  const number = rawNumber.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) {
    return { ok: false, code: "invalid_number", message: "Your card number is invalid." };
  }
  const special = SPECIAL_NUMBERS[number];
  if (special === "declined") return { ok: false, ...DECLINED };
  return {
    ok: true,
    card: {
      brand: brandOf(number),
      last4: number.slice(-4),
      funding: special === "debit" ? "debit" : "credit",
      country: "US",
      fingerprint: createHash("sha256").update(`card:${number}`).digest("base64url").slice(0, 16),
      behaviour: special === "charges_fail" ? "charges_fail" : "succeeds",
    },
  };
}

function brandOf(number: string): CardBrand {
  if (number.startsWith("4")) return "visa";
  if (/^3[47]/.test(number)) return "amex";
  const firstFour = Number(number.slice(0, 4));
  if (/^5[1-5]/.test(number) || (firstFour >= 2221 && firstFour <= 2720)) return "mastercard";
  return "unknown";
}

function passesLuhn(number: string): boolean {
  let sum = 0;
  for (let index = 0; index < number.length; index++) {
    let digit = Number(number[number.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export interface CardExpiry {
  month: number;
  year: number;
}

/** Reads `MM / YY`, `MM/YY` or `MM/YYYY`; returns Stripe's wording when it is unusable. */
export function checkExpiry(
  text: string,
  now: Date,
): { ok: true; expiry: CardExpiry } | { ok: false; message: string } {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return { ok: false, message: "Your card's expiration date is incomplete." };
  const month = Number(match[1]);
  const yearText = match[2] ?? "";
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  if (month < 1 || month > 12) return { ok: false, message: "Your card's expiration month is invalid." };
  const currentYear = now.getUTCFullYear();
  if (year < currentYear) return { ok: false, message: "Your card's expiration year is in the past." };
  if (year === currentYear && month < now.getUTCMonth() + 1) {
    return { ok: false, message: "Your card's expiration date is in the past." };
  }
  return { ok: true, expiry: { month, year } };
}

export function checkCvc(text: string, brand: CardBrand): string | undefined {
  // The contract's checkout is "a Card number field and a submit button": an empty CVC is
  // accepted so that typing a test card number alone works; a CVC that is given must be whole.
  if (text.trim() === "") return undefined;
  const expectedLength = brand === "amex" ? 4 : 3;
  return new RegExp(`^\\d{${expectedLength}}$`).test(text.trim())
    ? undefined
    : "Your card's security code is incomplete.";
}
