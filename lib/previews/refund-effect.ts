/** The figures of a charge the refund preview needs (the charge JSON's names). */
export interface RefundableCharge {
  amount: number;
  tax: number;
  total: number;
  amount_refunded: number;
}

export interface RefundEffect {
  /** What goes back to the card, tax included; null while the amount typed is not money. */
  refunded: number | null;
  /** What is left to refund before this refund, and after it (never below 0). */
  leftBefore: number;
  leftAfter: number | null;
  /** Whether the amount asked is more than is left (the API will refuse it, naming `amount`). */
  tooMuch: boolean;
}

/**
 * A refund in the terms the card was charged: of `total` (amount + the invoice's tax), as the
 * API counts it. `requested` null is "all that is left"; `undefined` an amount not yet readable.
 */
export function refundEffect(charge: RefundableCharge, requested: number | null | undefined): RefundEffect {
  const leftBefore = Math.max(0, charge.total - charge.amount_refunded);
  const refunded = requested === undefined ? null : (requested ?? leftBefore);
  return {
    refunded,
    leftBefore,
    leftAfter: refunded === null ? null : Math.max(0, leftBefore - refunded),
    tooMuch: refunded !== null && refunded > leftBefore,
  };
}
