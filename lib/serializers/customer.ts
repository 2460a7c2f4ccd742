import type { Customer } from "../generated/prisma/client";
import type { Property } from "../validations/properties";
import type { CustomerResponse } from "../validations/responses";
import { serializeStripeSync, stripeSyncColumns } from "./stripe-sync";

/** The customer's address columns, as the API's `address` object shows them. */
export const addressSelect = {
  addressLine1: true,
  addressLine2: true,
  addressCity: true,
  addressState: true,
  addressPostalCode: true,
  addressCountry: true,
} as const;

/** The customer's own columns; see customerSelect for what responses need. */
export const customerColumns = {
  id: true,
  externalId: true,
  email: true,
  companyName: true,
  ...addressSelect,
  properties: true,
  status: true,
  ...stripeSyncColumns,
  createdAt: true,
  updatedAt: true,
} as const;

/** What every customer response needs; select exactly these. */
export const customerSelect = {
  ...customerColumns,
  defaultPaymentMethod: { select: { id: true, brand: true, last4: true, expMonth: true, expYear: true } },
  financials: { select: { riskLevel: true, riskScore: true } },
  currentMrr: { select: { currency: true, mrr: true }, orderBy: { currency: "asc" } },
} as const;

const KEPT_RELATIONS = ["defaultPaymentMethod", "financials", "currentMrr"] as const;

export type CustomerRow = Pick<
  Customer,
  Exclude<keyof typeof customerSelect, (typeof KEPT_RELATIONS)[number]>
> & {
  defaultPaymentMethod: {
    id: string;
    brand: string;
    last4: string;
    expMonth: number;
    expYear: number;
  } | null;
  /** customer_financials; null until the customer's figures are first kept. */
  financials: { riskLevel: string; riskScore: number } | null;
  /** customer_mrr: bigint through Prisma, a JSON number through the list's SQL. */
  currentMrr: { currency: string; mrr: bigint | number }[];
};

/** A customer not yet kept is low risk with no MRR, as assessRisk rates a customer with nothing. */
const UNKEPT_RISK = { level: "low", score: 0 } as const;

function perCurrency(rows: CustomerRow["currentMrr"], factor: number): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.currency, Number(row.mrr) * factor]));
}

/** The public JSON shape of a customer: snake_case fields, timestamps as ISO 8601 UTC strings. */
export function serializeCustomer(row: CustomerRow): CustomerResponse {
  return {
    id: row.id,
    object: "customer",
    external_id: row.externalId,
    email: row.email,
    company_name: row.companyName,
    address: {
      line1: row.addressLine1,
      line2: row.addressLine2,
      city: row.addressCity,
      state: row.addressState,
      postal_code: row.addressPostalCode,
      country: row.addressCountry,
    },
    properties: row.properties as Property[],
    status: row.status,
    default_payment_method: row.defaultPaymentMethod
      ? {
          id: row.defaultPaymentMethod.id,
          brand: row.defaultPaymentMethod.brand,
          last4: row.defaultPaymentMethod.last4,
          exp_month: row.defaultPaymentMethod.expMonth,
          exp_year: row.defaultPaymentMethod.expYear,
        }
      : null,
    mrr: perCurrency(row.currentMrr, 1),
    yrr: perCurrency(row.currentMrr, 12),
    risk: row.financials
      ? {
          level: row.financials.riskLevel as CustomerResponse["risk"]["level"],
          score: row.financials.riskScore,
        }
      : UNKEPT_RISK,
    stripe_sync: serializeStripeSync(row),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export type CustomerJson = CustomerResponse;
