"use client";

import { useQuery } from "@tanstack/react-query";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format/dates";
import { customerQuery } from "@/lib/queries/customers";

// While a change is on its way to Stripe the page asks again this often, so the badge turns
// "synced" by itself (the job runs within a second or two, or retries with back-off).
const PENDING_REFRESH_MS = 2_000;

/**
 * Whether Stripe (its invoices and receipts) has the contact and address shown beside it: the
 * customer's `stripe_sync`. It reads the page's customer query, refreshing it while not synced.
 */
export function StripeSyncStatus({ customerId }: { customerId: string }) {
  const { data: customer } = useQuery({
    ...customerQuery(customerId),
    refetchInterval: (query) => {
      const status = query.state.data?.stripe_sync?.status;
      return status === "pending" || status === "failed" ? PENDING_REFRESH_MS : false;
    },
  });
  const sync = customer?.stripe_sync;
  return (
    <Section title="Sync with Stripe">
      <div data-testid="stripe-sync" className="space-y-1 text-sm text-slate-700">
        {!sync ? (
          <p>No Stripe customer yet: it is created with these details when the customer is first billed.</p>
        ) : (
          <>
            <p className="flex items-center gap-2">
              <StatusBadge status={sync.status} />
              <span>
                {sync.status === "synced"
                  ? "Stripe has the current contact and address."
                  : sync.status === "pending"
                    ? "The latest change is on its way to Stripe."
                    : "The latest change has not reached Stripe yet; retrying."}
              </span>
            </p>
            <p>Last synced: {sync.synced_at ? formatDateTime(sync.synced_at) : "never"}</p>
            {sync.last_error ? <p className="text-rose-700">Last error: {sync.last_error}</p> : null}
          </>
        )}
      </div>
    </Section>
  );
}
