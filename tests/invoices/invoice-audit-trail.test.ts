import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KeptFinancialsWorld, keptFinancialsWorld } from "../support/kept-financials";
import { deliver, invoiceEvents, sendInvoiceAtStripe } from "../support/stripe-invoices";

// The customer's audit trail gathers the records of everything that hangs off the customer. It
// left out invoices (recorded by the invoice sync since invoices were mirrored), and it matched
// records by entity id alone, where their index leads with the entity type.

let world: KeptFinancialsWorld;
let handlers: typeof import("../../lib/server/stripe-sync/stripe-event-handlers").stripeEventHandlers;
let listCustomerAuditTrail: typeof import("../../lib/server/audit/list-customer-audit-trail").listCustomerAuditTrail;

beforeAll(async () => {
  world = await keptFinancialsWorld("invoice_audit_trail");
  ({ stripeEventHandlers: handlers } = await import("../../lib/server/stripe-sync/stripe-event-handlers"));
  ({ listCustomerAuditTrail } = await import("../../lib/server/audit/list-customer-audit-trail"));
}, 120_000);

afterAll(async () => {
  await world?.close();
});

async function customerSentAnInvoice() {
  const customerId = await world.newCustomer();
  const id = await sendInvoiceAtStripe(world.sdk, {
    customer: await world.domain.ensureStripeCustomer(customerId),
    currency: "eur",
    amount: 5_000,
    daysUntilDue: 14,
  });
  await deliver(handlers, await invoiceEvents(world.sdk, id));
  return {
    customerId,
    invoice: await world.db().invoice.findUniqueOrThrow({ where: { stripeInvoiceId: id } }),
  };
}

describe("a customer's audit trail", () => {
  it("holds its invoices' records, not another customer's", async () => {
    const mine = await customerSentAnInvoice();
    const theirs = await customerSentAnInvoice();

    const trail = await listCustomerAuditTrail({ customerId: mine.customerId, query: { limit: 100 } });
    const invoiceEntries = trail.data.filter((entry) => entry.entity_type === "invoice");

    expect(invoiceEntries.map((entry) => entry.entity_id)).toContain(mine.invoice.id);
    expect(invoiceEntries.map((entry) => entry.action)).toContain("invoice.created");
    expect(trail.data.map((entry) => entry.entity_id)).not.toContain(theirs.invoice.id);
    expect(trail.data.map((entry) => entry.entity_id)).not.toContain(theirs.customerId);
    expect(trail.data.at(-1)).toMatchObject({ action: "customer.created", entity_id: mine.customerId });
  });

  it("matches records by entity type and id: the customer's id recorded under another type is not its", async () => {
    const customerId = await world.newCustomer();
    await world.db().auditRecord.create({
      data: {
        actorType: "system",
        action: "staff_user.updated",
        entityType: "staff_user",
        entityId: customerId,
      },
    });

    const trail = await listCustomerAuditTrail({ customerId, query: { limit: 100 } });

    expect(trail.data.map((entry) => [entry.action, entry.entity_type])).toEqual([
      ["customer.created", "customer"],
    ]);
  });
});
