import type { CustomerResponse } from "../validations/responses";

const FIXED = [
  "id",
  "external_id",
  "email",
  "company_name",
  "address_line1",
  "address_line2",
  "address_city",
  "address_state",
  "address_postal_code",
  "address_country",
  "status",
  "created_at",
  "risk_level",
  "risk_score",
] as const;
const CARD = ["card_brand", "card_last4", "card_expiry"] as const;

export interface CsvColumns {
  header: string[];
  currencies: string[];
  keys: string[];
}

/** The header: the customer's fields, `mrr_<CUR>` per currency, the card, `property.<key>` per key. */
export function csvColumns(currencies: string[], keys: string[]): CsvColumns {
  return {
    header: [
      ...FIXED,
      ...currencies.map((code) => `mrr_${code}`),
      ...CARD,
      ...keys.map((key) => `property.${key}`),
    ],
    currencies,
    keys,
  };
}

// A cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV Injection"):
// such text gets a leading `'`, so it is shown, not run. Numbers we write are left as they are.
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutralised = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

const cell = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined ? "" : typeof value === "string" ? neutralised(value) : String(value);

/** One customer as a CSV record, in the columns' order. */
export function csvRecord(customer: CustomerResponse, columns: CsvColumns): string[] {
  const card = customer.default_payment_method;
  const properties = new Map(customer.properties.map((property) => [property.key, property.value]));
  return [
    customer.id,
    customer.external_id,
    customer.email,
    customer.company_name,
    customer.address.line1,
    customer.address.line2,
    customer.address.city,
    customer.address.state,
    customer.address.postal_code,
    customer.address.country,
    customer.status,
    customer.created_at,
    customer.risk.level,
    customer.risk.score,
    ...columns.currencies.map((code) => customer.mrr[code] ?? null),
    card?.brand,
    card?.last4,
    card ? `${String(card.exp_month).padStart(2, "0")}/${card.exp_year}` : null,
    ...columns.keys.map((key) => properties.get(key)),
  ].map(cell);
}
