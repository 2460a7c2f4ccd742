import type { Customer } from "../generated/prisma/client";
import type { CustomerResponse } from "../validations/responses";

/** The customer columns its `stripe_sync` is worked out from. */
export const stripeSyncColumns = {
  stripeCustomerId: true,
  identityVersion: true,
  stripeSyncedVersion: true,
  stripeSyncedAt: true,
  stripeSyncError: true,
} as const;

type StripeSyncRow = Pick<Customer, keyof typeof stripeSyncColumns>;

/**
 * Derived, not stored, so it cannot contradict the versions: synced once Stripe was given the
 * current identity version, else failed while the last push's error stands, else pending.
 */
export function serializeStripeSync(row: StripeSyncRow): CustomerResponse["stripe_sync"] {
  if (!row.stripeCustomerId) return null;
  const behind = (row.stripeSyncedVersion ?? 0) < row.identityVersion;
  return {
    status: !behind ? "synced" : row.stripeSyncError ? "failed" : "pending",
    synced_at: row.stripeSyncedAt?.toISOString() ?? null,
    last_error: row.stripeSyncError,
  };
}

/** A new customer's columns above (their defaults in schema.prisma): no Stripe customer yet. */
export const NO_STRIPE_CUSTOMER: StripeSyncRow = {
  stripeCustomerId: null,
  identityVersion: 1,
  stripeSyncedVersion: null,
  stripeSyncedAt: null,
  stripeSyncError: null,
};
