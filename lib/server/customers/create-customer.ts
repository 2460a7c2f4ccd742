import { pool } from "../../db";
import { AppError } from "../../errors/app-error";
import { idTime, newId } from "../../ids";
import { serializeCustomer } from "../../serializers/customer";
import { NO_STRIPE_CUSTOMER } from "../../serializers/stripe-sync";
import type { CreateCustomerInput } from "../../validations/customer";
import type { Actor } from "../audit/actor";
import { newCustomerRisk } from "../financials/new-customer-risk";
import { PROPERTY_ROW_COLUMNS, PROPERTY_ROW_VALUES } from "./property-rows";

const isExternalIdTaken = (error: unknown) =>
  (error as { code?: string }).code === "23505" &&
  (error as { constraint?: string }).constraint === "customers_external_id_key";

// The customer, its property rows, its audit record and its customer.created event in one statement: atomic like
// a transaction (recordChange's promise: a change, its audit trail and its announcement commit
// or fail together), but one round trip instead of five and no Prisma on the hottest write. Its
// kept figures (lib/server/financials) exist from birth: no card, no MRR, nothing to review.
const INSERT_CUSTOMER = `
  with customer as (
    insert into customers (id, external_id, email, company_name, address_line1, address_line2,
      address_city, address_state, address_postal_code, address_country, created_at, updated_at, properties)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $19::jsonb)
    returning id
  ), property_rows as (
    insert into customer_properties (${PROPERTY_ROW_COLUMNS})
    select customer.id, ${PROPERTY_ROW_VALUES} from customer, jsonb_array_elements($19::jsonb) p
  ), audit as (
    insert into audit_records (actor_type, actor_id, action, entity_type, entity_id, after)
    select $12, $13, 'customer.created', 'customer', id, $14::jsonb from customer
  ), financials as (
    insert into customer_financials (customer_id, risk_score, risk_level, risk_signals, updated_at)
    select id, $16::int, $17, $18::jsonb, $11 from customer
  ), signal_periods as (
    insert into customer_risk_signals (customer_id, code, appeared_at)
    select customer.id, signal->>'code', $11 from customer, jsonb_array_elements($18::jsonb) signal
  )
  insert into domain_events (id, type, customer_id, data)
  select $15, 'customer.created', id, $14::jsonb from customer`;

/**
 * Creates a customer. external_id uniqueness is left to the unique index (also across deleted
 * customers), so of concurrent creates exactly one wins and the others get a 409 naming it.
 */
export async function createCustomer({ input, actor }: { input: CreateCustomerInput; actor: Actor }) {
  // created_at is the id's own time, so a created_at range is also an id range
  // (created-id-bounds.ts): the two never disagree, whatever the clock did between them.
  const id = newId("customer");
  const now = idTime(id);
  const risk = newCustomerRisk(now);
  const customer = serializeCustomer({
    id,
    externalId: input.external_id,
    email: input.email,
    companyName: input.company_name ?? null,
    addressLine1: input.address.line1 ?? null,
    addressLine2: input.address.line2 ?? null,
    addressCity: input.address.city ?? null,
    addressState: input.address.state ?? null,
    addressPostalCode: input.address.postal_code ?? null,
    addressCountry: input.address.country,
    properties: input.properties ?? [],
    status: "active",
    ...NO_STRIPE_CUSTOMER,
    createdAt: now,
    updatedAt: now,
    // A new customer has no card and no MRR; its kept risk is written with it (below).
    defaultPaymentMethod: null,
    financials: { riskLevel: risk.level, riskScore: risk.score },
    currentMrr: [],
  });
  const { address } = customer;
  try {
    await pool().query(INSERT_CUSTOMER, [
      customer.id,
      customer.external_id,
      customer.email,
      customer.company_name,
      address.line1,
      address.line2,
      address.city,
      address.state,
      address.postal_code,
      address.country,
      now,
      actor.type,
      actor.id,
      JSON.stringify(customer),
      newId("event"),
      risk.score,
      risk.level,
      JSON.stringify(risk.signals),
      JSON.stringify(customer.properties),
    ]);
  } catch (error) {
    if (isExternalIdTaken(error)) throw await externalIdTaken(input.external_id);
    throw error;
  }
  return customer;
}

async function externalIdTaken(externalId: string): Promise<AppError> {
  const { rows } = await pool().query<{ id: string }>("select id from customers where external_id = $1", [
    externalId,
  ]);
  const existingId = rows[0]?.id ?? null;
  return new AppError(
    "conflict",
    `A customer with external_id "${externalId}" already exists: ${existingId}.`,
    {
      errors: [{ field: "external_id", message: "is already taken" }],
      extra: { existing_id: existingId },
    },
  );
}
