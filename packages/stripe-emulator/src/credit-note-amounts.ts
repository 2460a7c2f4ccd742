/*
 * How much of each invoice line a credit note credits, and the tax on it, as Stripe prorates it:
 * in proportion to the amount credited, split between net and tax at the line's original rate
 * (the emulator's README, "Credit notes"). Pure arithmetic in minor units:
 * a credit of part of a line carries that part of the line's tax, rounded to the minor unit; the
 * credit that takes the rest of a line takes the rest of its tax, so crediting a line in pieces
 * never reverses more, or less, tax than the invoice charged.
 */

/** One invoice line: what it charged and what earlier credit notes already credited of it. */
export interface CreditableLine {
  id: string;
  amount: number;
  tax: number;
  creditedAmount: number;
  creditedTax: number;
}

/** What a credit note takes of one line: `amount` before tax, `tax` on top. */
export interface LineCredit {
  lineId: string;
  amount: number;
  tax: number;
}

export const remainingOf = (line: CreditableLine) => ({
  amount: line.amount - line.creditedAmount,
  tax: line.tax - line.creditedTax,
});

/** The tax on crediting `amount` (before tax) of `line`; all of what is left when it is the rest. */
export function creditLine(line: CreditableLine, amount: number): LineCredit {
  const remaining = remainingOf(line);
  const tax =
    amount === remaining.amount
      ? remaining.tax
      : line.amount === 0
        ? 0
        : Math.min(remaining.tax, Math.round((line.tax * amount) / line.amount));
  return { lineId: line.id, amount, tax };
}

/**
 * A credit of `total` (tax included) spread over the lines in order, each taking what is left of
 * it: the tax is the invoice's share of `total` (all that is left of the tax when `total` is all
 * that is left), and the rest is net. Returns null when `total` is more than is left to credit.
 */
export function creditTotal(lines: CreditableLine[], total: number): LineCredit[] | null {
  const left = lines.reduce(
    (sum, line) => {
      const remaining = remainingOf(line);
      return { amount: sum.amount + remaining.amount, tax: sum.tax + remaining.tax };
    },
    { amount: 0, tax: 0 },
  );
  if (total > left.amount + left.tax) return null;
  const invoiceAmount = lines.reduce((sum, line) => sum + line.amount, 0);
  const invoiceTax = lines.reduce((sum, line) => sum + line.tax, 0);
  const tax =
    total === left.amount + left.tax
      ? left.tax
      : Math.min(left.tax, Math.round((total * invoiceTax) / (invoiceAmount + invoiceTax)));
  let net = total - tax;
  let taxLeft = tax;
  const credits: LineCredit[] = [];
  for (const line of lines) {
    const remaining = remainingOf(line);
    if (net === 0 && taxLeft === 0) break;
    if (remaining.amount === 0 && remaining.tax === 0) continue;
    const amount = Math.min(net, remaining.amount);
    const isLast = net - amount === 0;
    const lineTax = isLast ? taxLeft : Math.min(taxLeft, remaining.tax, creditLine(line, amount).tax);
    credits.push({ lineId: line.id, amount, tax: lineTax });
    net -= amount;
    taxLeft -= lineTax;
  }
  return credits;
}
