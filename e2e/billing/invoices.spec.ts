import * as api from "@donutwork/api-client";
import { expect, test } from "@playwright/test";
import { writeClient } from "../support/api";
import { readApi } from "../support/api-client";
import { domainEventTypes } from "../support/api-database";
import { expectResultMatchesOpenApi } from "../support/api-openapi";
import { expectData, expectProblemOf } from "../support/api-typed";
import { pdfTextOf } from "../support/invoice-pdf";
import { emulatorNow, stripeCustomerIdOf, stripeEventsProcessed } from "../support/stripe-events";
import { emulatorStripe } from "../support/stripe-test-helpers";
import { billableCustomer, charge, DECLINING_CARD } from "./billing-support";

// Each test saves a card through the emulator first and waits for its webhook.
test.describe.configure({ timeout: 180_000 });

async function invoiceOf(request: Parameters<typeof writeClient>[0], id: string) {
  return expectData(await api.getInvoice({ client: writeClient(request), path: { id } }), 200);
}

test.describe("invoices of one-time charges", () => {
  test("a charge is billed on an invoice: listed, readable with a read-only key, matching the OpenAPI document, announced once", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const since = await emulatorNow(request);
    const made = expectData(await charge(request, customer.id, { amount: 1500 }), 201);
    expect(made.invoice_id).toMatch(/^in_/);

    const list = await api.listCustomerInvoices({ client: readApi(request), path: { id: customer.id } });
    await expectResultMatchesOpenApi(request, list, "/customers/{id}/invoices.json", "get");
    const [listed, ...others] = expectData(list, 200).data;
    expect(others).toEqual([]);
    expect(listed).toMatchObject({
      id: made.invoice_id,
      object: "invoice",
      customer_id: customer.id,
      charge_id: made.id,
      status: "paid",
      currency: "USD",
      subtotal: 1500,
      tax: 0,
      total: 1500,
      amount_paid: 1500,
      amount_remaining: 0,
      subscription_id: null,
      customer_name: customer.company_name,
      customer_email: customer.email,
      customer_address: expect.objectContaining({ country: customer.address.country }),
      lines: [{ description: "Setup fee", amount: 1500, quantity: 1 }],
    });
    expect(listed?.number).toMatch(/^[A-Z0-9]+-\d{4}$/);

    const one = await api.getInvoice({ client: readApi(request), path: { id: made.invoice_id ?? "" } });
    await expectResultMatchesOpenApi(request, one, "/invoices/{id}.json", "get");
    expect(expectData(one, 200)).toEqual(listed);

    // Once Stripe's invoice events have all come back, each outgoing event is still there once.
    await stripeEventsProcessed(await stripeCustomerIdOf(customer.id), since);
    expect(await domainEventTypes(customer.id, "invoice.")).toEqual(["invoice.finalized", "invoice.paid"]);
  });

  test("a decline is a failed charge on an open invoice, announced as invoice.payment_failed once", async ({
    request,
  }) => {
    const customer = await billableCustomer(request, DECLINING_CARD);
    const since = await emulatorNow(request);
    const made = expectData(await charge(request, customer.id, { amount: 1500 }), 201);
    expect(made).toMatchObject({ status: "failed", failure_code: "card_declined" });
    expect(await invoiceOf(request, made.invoice_id ?? "")).toMatchObject({
      status: "open",
      amount_paid: 0,
      amount_remaining: 1500,
      charge_id: made.id,
    });
    await stripeEventsProcessed(await stripeCustomerIdOf(customer.id), since);
    expect(await domainEventTypes(customer.id, "invoice.")).toEqual([
      "invoice.finalized",
      "invoice.payment_failed",
    ]);
  });

  test("unknown and malformed invoice ids are 404; another customer's list does not hold the invoice", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const made = expectData(await charge(request, customer.id, { amount: 900 }), 201);
    for (const id of ["in_00000000000000000000000000", "in_nope", made.id]) {
      const problem = expectProblemOf(await api.getInvoice({ client: readApi(request), path: { id } }), 404);
      expect(JSON.stringify(problem)).not.toContain(made.invoice_id ?? "");
    }
    const other = await billableCustomer(request);
    const theirs = await api.listCustomerInvoices({ client: readApi(request), path: { id: other.id } });
    expect(expectData(theirs, 200).data).toEqual([]);
    expectProblemOf(
      await api.listCustomerInvoices({
        client: readApi(request),
        path: { id: "cus_00000000000000000000000000" },
      }),
      404,
    );
  });

  test("the invoice's PDF (parsed) holds its number, the legal name and the country; the hosted page too", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const made = expectData(await charge(request, customer.id, { amount: 4200 }), 201);
    const invoice = await invoiceOf(request, made.invoice_id ?? "");
    const text = await pdfTextOf(request, invoice.invoice_pdf ?? "");
    for (const expected of [
      invoice.number ?? "",
      customer.company_name ?? "",
      customer.address.country,
      "$42.00",
    ]) {
      expect(text).toContain(expected);
    }
    const page = await request.get(invoice.hosted_invoice_url ?? "");
    expect(page.status()).toBe(200);
    const html = await page.text();
    expect(html).toContain(invoice.number ?? "");
    expect(html).toContain(customer.company_name ?? "");
  });

  test("after the company name and address change (synced to Stripe), the next invoice prints the new ones; the earlier one keeps the old", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const before = expectData(await charge(request, customer.id, { amount: 1000 }), 201);
    const newName = `Renamed ${customer.company_name}`;
    const newAddress = {
      line1: "1 rue de Rivoli",
      line2: null,
      city: "Paris",
      state: null,
      postal_code: "75001",
      country: "FR",
    };
    expectData(
      await api.updateCustomer({
        client: writeClient(request),
        path: { id: customer.id },
        body: { company_name: newName, address: newAddress },
      }),
      200,
    );
    // The change reaches Stripe through the outbox: wait for Stripe's customer to carry it.
    const stripeCustomerId = await stripeCustomerIdOf(customer.id);
    await expect
      .poll(
        async () => {
          const atStripe = await emulatorStripe().customers.retrieve(stripeCustomerId);
          return "deleted" in atStripe ? null : { name: atStripe.name, country: atStripe.address?.country };
        },
        { timeout: 60_000 },
      )
      .toEqual({ name: newName, country: "FR" });

    const after = expectData(await charge(request, customer.id, { amount: 1000 }), 201);
    const next = await invoiceOf(request, after.invoice_id ?? "");
    expect(next).toMatchObject({ customer_name: newName, customer_address: newAddress });
    const text = await pdfTextOf(request, next.invoice_pdf ?? "");
    expect(text).toContain(newName);
    expect(text).toContain("75001 Paris");
    expect(text).toContain("FR");
    const earlier = await invoiceOf(request, before.invoice_id ?? "");
    expect(earlier.customer_name).toBe(customer.company_name);
    expect(earlier.customer_address?.country).toBe(customer.address.country);
  });
});
