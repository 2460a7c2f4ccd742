"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { InvoicesPanel } from "@/components/billing/invoices-panel";
import { MrrBreakdown } from "@/components/customers/mrr-breakdown";
import { MrrTimeline } from "@/components/customers/mrr-timeline";
import { RiskPanel } from "@/components/customers/risk-panel";
import { StripeSyncStatus } from "@/components/customers/stripe-sync-status";
import { ErrorText, LoadingText } from "@/components/ui/query-state";
import { customerQuery } from "@/lib/queries/customers";
import { AuditTrailPanel } from "./audit-trail-panel";
import { ChargesPanel } from "./charges-panel";
import { ContactForm } from "./contact-form";
import { CustomerHeader } from "./customer-header";
import { PaymentLinkPanel } from "./payment-link-panel";
import { PaymentMethodsPanel } from "./payment-methods-panel";
import { PropertyEditor } from "./property-editor";
import { SubscriptionsPanel } from "./subscriptions-panel";
import { WebhookDeliveriesPanel } from "./webhook-deliveries-panel";

// React Flow is most of this page's JavaScript: load it after the rest of the page is usable.
const RelationshipGraph = dynamic(
  () => import("@/components/customers/relationship-graph").then((module) => module.RelationshipGraph),
  { ssr: false, loading: () => <p className="text-sm text-slate-500">Loading the graph…</p> },
);

export function CustomerPageBody({ customerId }: { customerId: string }) {
  const query = useQuery(customerQuery(customerId));
  if (query.isPending) return <LoadingText what="the customer" />;
  if (query.isError) return <ErrorText error={query.error} onRetry={() => void query.refetch()} />;
  const customer = query.data;
  return (
    <main className="space-y-6">
      <Link href="/customers" className="text-sm text-indigo-700 hover:underline">
        ← All customers
      </Link>
      <CustomerHeader customer={customer} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <ContactForm customer={customer} />
          <StripeSyncStatus customerId={customer.id} />
          <PropertyEditor customer={customer} />
          <RelationshipGraph customerId={customer.id} />
          <SubscriptionsPanel customer={customer} />
          <MrrBreakdown customerId={customer.id} />
          <MrrTimeline customerId={customer.id} />
          <ChargesPanel customer={customer} />
          <InvoicesPanel customerId={customer.id} />
        </div>
        <div className="space-y-6">
          <RiskPanel customerId={customer.id} />
          <PaymentLinkPanel customer={customer} />
          <PaymentMethodsPanel
            customerId={customer.id}
            defaultPaymentMethod={customer.default_payment_method}
          />
          <WebhookDeliveriesPanel customerId={customer.id} />
          <AuditTrailPanel customerId={customer.id} />
        </div>
      </div>
    </main>
  );
}
