"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCanWrite } from "@/components/providers/staff-session";
import { Button } from "@/components/ui/button";
import { copyText } from "@/components/ui/copy-button";
import { ErrorText, QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format/dates";
import { paymentLinksQuery } from "@/lib/queries/customer-activity";
import { customerKeys, generatePaymentLink } from "@/lib/queries/customers";
import { refreshQueries } from "@/lib/queries/refresh-queries";
import type { Customer } from "@/lib/queries/types";

/**
 * Generates a one-time link for the customer to save a card and copies it at once. The URL
 * is shown only now: the server keeps just a hash of its token.
 */
export function PaymentLinkPanel({ customer }: { customer: Customer }) {
  const canWrite = useCanWrite();
  const queryClient = useQueryClient();
  const links = useQuery(paymentLinksQuery(customer.id));
  const mutation = useMutation({
    // Copy as part of the mutation, so "Copied", the URL and the button settle together.
    mutationFn: async () => {
      const link = await generatePaymentLink(customer.id);
      return { link, copied: await copyText(link.url) };
    },
    // Not awaited: the list of links refreshes in the background.
    onSettled: () => void refreshQueries(queryClient, customerKeys.detail(customer.id)),
  });
  const copied = mutation.data?.copied ?? null;
  const link = mutation.data?.link;

  return (
    <Section title="Payment link">
      {canWrite ? (
        <div className="space-y-3">
          <Button
            variant="primary"
            onClick={() => mutation.mutate()}
            disabled={mutation.isPending || customer.status !== "active"}
          >
            {mutation.isPending ? "Generating…" : "Generate payment link"}
          </Button>
          {customer.status !== "active" ? (
            <p className="text-sm text-slate-600">Only active customers get payment links.</p>
          ) : null}
          <p role="status" className="text-sm font-medium text-emerald-700">
            {copied === true
              ? "Copied"
              : copied === false
                ? "Could not copy automatically: copy the link below."
                : ""}
          </p>
          {link ? (
            <div className="rounded-md bg-slate-50 p-3 text-sm">
              <label htmlFor="payment-link-url" className="block text-xs font-medium text-slate-600">
                Link (valid until {formatDateTime(link.expires_at)})
              </label>
              <input
                id="payment-link-url"
                readOnly
                value={link.url}
                onFocus={(event) => event.target.select()}
                className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
              />
              <p className="mt-1 text-xs text-slate-600">
                Generating a new link revokes the earlier unused ones.
              </p>
            </div>
          ) : null}
          {mutation.isError ? <ErrorText error={mutation.error} /> : null}
        </div>
      ) : null}
      <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-600">Recent links</h3>
      <QueryState query={links} what="payment links">
        {(page) =>
          page.data.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">No links generated yet.</p>
          ) : (
            <ul className="mt-1 divide-y divide-slate-100 text-sm">
              {page.data.slice(0, 5).map((link) => (
                <li key={link.id} className="flex items-center justify-between gap-2 py-1.5">
                  <span className="text-slate-700">{formatDateTime(link.created_at)}</span>
                  <StatusBadge status={link.status} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Section>
  );
}
