import { db } from "../../db";
import { customerLabel } from "../../format/customer-label";
import { formatMoney } from "../../format/money";
import type { GraphResponse } from "../../validations/billing-responses";
import { getCustomerRowOrThrow } from "../customers/get-customer";

// Each kind is capped to its newest rows, so a long-lived customer still draws as a readable graph.
const PER_KIND = 50;

type GraphNode = GraphResponse["nodes"][number];

/**
 * The customer's relationship graph: the customer in the middle, its properties, payment links,
 * cards, subscriptions, charges and webhook deliveries around it, and the edges between them
 * (a subscription or charge is also linked to the card it bills).
 */
export async function getCustomerGraph(customerId: string) {
  const customer = await getCustomerRowOrThrow(customerId);
  const newest = { orderBy: { id: "desc" as const }, take: PER_KIND };
  const [links, cards, subscriptions, charges, deliveries] = await Promise.all([
    db().paymentLink.findMany({ where: { customerId }, ...newest }),
    db().paymentMethod.findMany({ where: { customerId }, ...newest }),
    db().subscription.findMany({ where: { customerId }, ...newest }),
    db().charge.findMany({ where: { customerId }, ...newest }),
    db().webhookDelivery.findMany({
      where: { customerId },
      ...newest,
      include: { event: { select: { type: true } }, endpoint: { select: { url: true } } },
    }),
  ]);
  const defaultCard = customer.defaultPaymentMethod?.id ?? null;
  const nodes: GraphNode[] = [
    {
      id: customer.id,
      type: "customer",
      label: customerLabel({ company_name: customer.companyName, email: customer.email }),
      data: { status: customer.status, email: customer.email, external_id: customer.externalId },
    },
  ];
  const edges: { source: string; target: string; type: string }[] = [];
  const link = (target: string, type: string, source = customer.id) => edges.push({ source, target, type });

  for (const property of customer.properties as { key: string; value: unknown }[]) {
    const id = `${customer.id}:property:${property.key}`;
    nodes.push({ id, type: "property", label: `${property.key}: ${String(property.value)}`, data: property });
    link(id, "has_property");
  }
  for (const row of links) {
    const status = row.completedAt
      ? "completed"
      : row.revokedAt
        ? "revoked"
        : row.expiresAt < new Date()
          ? "expired"
          : "open";
    nodes.push({ id: row.id, type: "payment_link", label: `Payment link (${status})`, data: { status } });
    link(row.id, "has_payment_link");
  }
  for (const row of cards) {
    nodes.push({
      id: row.id,
      type: "payment_method",
      label: `${row.brand} •••• ${row.last4}`,
      data: {
        exp_month: row.expMonth,
        exp_year: row.expYear,
        default: row.id === defaultCard,
        detached: row.detachedAt !== null,
      },
    });
    link(row.id, row.id === defaultCard ? "default_payment_method" : "has_payment_method");
  }
  for (const row of subscriptions) {
    const price = `${formatMoney(row.unitAmount * row.quantity, row.currency)}/${row.interval}`;
    nodes.push({
      id: row.id,
      type: "subscription",
      label: `${row.description ?? "Subscription"} · ${price}`,
      data: { status: row.status, mrr: row.mrr, currency: row.currency },
    });
    link(row.id, "has_subscription");
    if (defaultCard && !["canceled", "incomplete_expired"].includes(row.status))
      link(row.id, "bills", defaultCard);
  }
  for (const row of charges) {
    nodes.push({
      id: row.id,
      type: "charge",
      label: `${formatMoney(row.amount, row.currency)} ${row.status}`,
      data: {
        status: row.status,
        amount: row.amount,
        currency: row.currency,
        amount_refunded: row.amountRefunded,
      },
    });
    link(row.id, "has_charge");
  }
  for (const row of deliveries) {
    nodes.push({
      id: row.id,
      type: "webhook_delivery",
      label: `${row.event.type} → ${new URL(row.endpoint.url).host}`,
      data: { status: row.status, event_type: row.event.type, attempt_count: row.attemptCount },
    });
    link(row.id, "notified");
  }
  return { object: "graph" as const, customer_id: customer.id, nodes, edges };
}
