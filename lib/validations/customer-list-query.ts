import { z } from "zod";
import { COUNTRY_CODES } from "./country-codes";
import { paginationQuerySchema } from "./pagination";
import { PROPERTY_KEY_PATTERN } from "./properties";
import { text } from "./text";

// GET /customers.json and GET /customers.csv: every filter, the sort and the order
// (/work/briefs/issue13-contract.md). Bracket parameters arrive nested (lib/validations/bracket-params.ts).

const boolean = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");

/** A non-negative amount in minor units, as text (no floats on the way to bigint). */
const minorUnits = z
  .string()
  .regex(/^[0-9]{1,15}$/, "must be a whole number of minor units (0 or more)")
  .transform(Number);

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** An ISO 8601 date (a whole UTC day) or date-time; `end` makes a date mean the end of its day. */
const instant = (end: boolean) =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: "must be an ISO 8601 date (2026-11-25) or date-time (2026-11-25T10:00:00Z)",
    })
    .transform((value) => {
      const at = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
      // created_lte=2026-11-25 includes the whole of that day.
      return end && DATE_ONLY.test(value) ? new Date(at.getTime() + 86_400_000 - 1) : at;
    });

export const NUMBER_LITERAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;
const numberLiteral = z
  .string()
  .regex(NUMBER_LITERAL, { message: "must be a number", abort: true })
  .refine((value) => Number.isFinite(Number(value)), "must be a finite number");

export const PROPERTY_OPERATORS = ["gt", "gte", "lt", "lte"] as const;
export type PropertyOperator = (typeof PROPERTY_OPERATORS)[number];

/** `properties[key]=value` (equality) or `properties[key][gte]=n` (numbers). */
const propertyFilter = z.union(
  [
    text(500, "must be a value or an operator (gt, gte, lt, lte)"),
    z
      .strictObject({ gt: numberLiteral, gte: numberLiteral, lt: numberLiteral, lte: numberLiteral })
      .partial(),
  ],
  { error: "must be a value, or [gt|gte|lt|lte] with a number" },
);

const propertyFilters = z
  .record(
    z.string().regex(PROPERTY_KEY_PATTERN, "must be a property key (1–40 of A–Z a–z 0–9 _ . -)"),
    propertyFilter,
  )
  .refine((filters) => Object.keys(filters).length <= 20, "at most 20 property filters")
  .optional()
  // A parameter's own fields (zod-openapi's `param`): the brackets are OpenAPI's deepObject style.
  .meta({
    param: {
      style: "deepObject",
      explode: true,
      description:
        "`properties[key]=value`: equality (`true`/`false` match booleans, a number literal a number equal to it or the same text, anything else text); `properties[key][gt|gte|lt|lte]=n` compares numbers (nested deepObject: `properties[api_quota][gte]=10000`).",
    },
  });

export const CUSTOMER_SORTS = ["created", "mrr", "risk_score"] as const;

export const customerFilterSchema = z.strictObject({
  status: z
    .enum(["active", "suspended", "deleted"], { error: "must be active, suspended or deleted" })
    .optional(),
  external_id: text(255).min(1).optional(),
  q: text(200).trim().min(1, "must not be empty").optional(),
  risk_level: z.enum(["low", "medium", "high"], { error: "must be low, medium or high" }).optional(),
  has_payment_method: boolean.optional(),
  card_expiring: z
    .literal("true", { error: "must be true" })
    .transform(() => true)
    .optional(),
  country: z
    .string()
    .refine((code) => COUNTRY_CODES.has(code), "must be an ISO 3166-1 alpha-2 code in upper case, e.g. DE")
    .optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code in upper case, e.g. USD")
    .optional(),
  mrr_gte: minorUnits.optional(),
  mrr_lte: minorUnits.optional(),
  created_gte: instant(false).optional(),
  created_lte: instant(true).optional(),
  properties: propertyFilters,
});

const sortSchema = z.enum(CUSTOMER_SORTS, { error: "must be created, mrr or risk_score" }).default("created");
/** desc/asc; newest/oldest (the list's first spelling) still mean desc/asc. */
const orderSchema = z
  .enum(["desc", "asc", "newest", "oldest"], { error: "must be desc or asc (newest or oldest)" })
  .default("desc")
  .transform((order): "desc" | "asc" => (order === "newest" ? "desc" : order === "oldest" ? "asc" : order));

/** MRR bounds and the MRR sort are per currency. */
function currencyRules(
  query: {
    currency?: string | undefined;
    mrr_gte?: number | undefined;
    mrr_lte?: number | undefined;
    sort: string;
  },
  context: z.RefinementCtx,
) {
  const named = [
    query.mrr_gte !== undefined && "mrr_gte",
    query.mrr_lte !== undefined && "mrr_lte",
    query.sort === "mrr" && "sort",
  ].filter((name): name is string => typeof name === "string");
  if (query.currency !== undefined) return;
  for (const name of named)
    context.addIssue({ code: "custom", path: [name], message: "needs currency (MRR is kept per currency)" });
}

export const listCustomersQuerySchema = paginationQuerySchema
  .extend({
    ...customerFilterSchema.shape,
    sort: sortSchema,
    order: orderSchema,
    include: z
      .union([z.literal("total_count"), z.array(z.literal("total_count"))], {
        error: "may only be total_count",
      })
      .transform((include) => (Array.isArray(include) ? include : [include]))
      .optional(),
  })
  .superRefine(currencyRules);

/** The CSV takes the filters and the sort; it is every matching row, so no paging and no total. */
export const exportCustomersQuerySchema = customerFilterSchema
  .extend({ sort: sortSchema, order: orderSchema })
  .superRefine(currencyRules);

export type ListCustomersQuery = z.output<typeof listCustomersQuerySchema>;
export type CustomerExportQuery = z.output<typeof exportCustomersQuerySchema>;
/** What the list and the export share: the filters and the order. */
export type CustomerSelection = CustomerExportQuery;
