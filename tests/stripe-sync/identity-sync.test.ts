import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type KeptFinancialsWorld, keptFinancialsWorld, TEST_ACTOR } from "../support/kept-financials";

// The sync-stripe-customer job against a real emulator and database: the job is called here as
// pg-boss calls it (the relay and the workers are proved end to end in e2e/billing/identity-sync).

let world: KeptFinancialsWorld;
let sync: typeof import("../../lib/server/stripe-sync/sync-stripe-customer");
let update: typeof import("../../lib/server/customers/update-customer");
let read: typeof import("../../lib/server/customers/get-customer");

beforeAll(async () => {
  world = await keptFinancialsWorld("identity_sync");
  sync = await import("../../lib/server/stripe-sync/sync-stripe-customer");
  update = await import("../../lib/server/customers/update-customer");
  read = await import("../../lib/server/customers/get-customer");
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const PARIS = {
  line1: "1 rue de Rivoli",
  line2: "Bâtiment B",
  city: "Paris",
  state: null,
  postal_code: "75001",
  country: "FR",
};

async function customerAtStripe() {
  const id = await world.newCustomer();
  const stripeCustomerId = await world.domain.ensureStripeCustomer(id);
  return { id, stripeCustomerId };
}

const rename = (id: string, companyName: string, address: Record<string, unknown> = {}) =>
  update.updateCustomer({ id, input: { company_name: companyName, address } as never, actor: TEST_ACTOR });

const stripeCustomer = async (stripeCustomerId: string) =>
  (await world.sdk.customers.retrieve(stripeCustomerId)) as Stripe.Customer;

const syncRequests = (customerId: string) =>
  world.db().stripeCustomerSyncRequest.count({ where: { customerId } });

/** Runs the job until it is not refused as busy, as pg-boss's retries would. */
async function runJob(customerId: string) {
  for (;;) {
    try {
      return await sync.syncStripeCustomer(customerId);
    } catch (error) {
      if (!(error instanceof sync.StripeCustomerSyncBusy)) throw error;
    }
  }
}

async function updateEventsOf(stripeCustomerId: string) {
  const events = await world.sdk.events.list({ type: "customer.updated", limit: 100 });
  return events.data.filter((event) => (event.data.object as { id: string }).id === stripeCustomerId);
}

async function injectCustomerUpdateFailures(stripeCustomerId: string, count: number) {
  await fetch(`${world.emulator.url}/_emulator/inject_failures`, {
    method: "POST",
    body: new URLSearchParams({
      path: `/v1/customers/${stripeCustomerId}`,
      method: "POST",
      count: String(count),
    }),
  });
}

describe("the Stripe customer's identity at creation", () => {
  it("carries the company name, email, full address and our id from the first call", async () => {
    const id = await world.newCustomer();
    const customer = await read.getCustomer(id);
    const stripeCustomerId = await world.domain.ensureStripeCustomer(id);
    expect(await stripeCustomer(stripeCustomerId)).toMatchObject({
      name: customer.company_name,
      email: customer.email,
      address: customer.address,
      metadata: { donutwork_customer_id: id },
    });
    expect((await read.getCustomer(id)).stripe_sync).toEqual({
      status: "synced",
      synced_at: expect.any(String),
      last_error: null,
    });
  });

  it("is null in the customer JSON while there is no Stripe customer, and a change then requests no sync", async () => {
    const id = await world.newCustomer();
    const changed = await rename(id, "Renamed before billing SA");
    expect(changed.stripe_sync).toBeNull();
    expect(await syncRequests(id)).toBe(0);
  });
});

describe("a change of identity", () => {
  it("commits with a sync request and is pending until the job pushes the current row", async () => {
    const { id, stripeCustomerId } = await customerAtStripe();
    const changed = await rename(id, "Nouveau Nom SAS", PARIS);
    expect(changed.stripe_sync).toMatchObject({ status: "pending", last_error: null });
    expect(await syncRequests(id)).toBe(1);
    expect((await stripeCustomer(stripeCustomerId)).name).not.toBe("Nouveau Nom SAS");

    await runJob(id);
    expect(await stripeCustomer(stripeCustomerId)).toMatchObject({ name: "Nouveau Nom SAS", address: PARIS });
    expect((await read.getCustomer(id)).stripe_sync).toMatchObject({ status: "synced", last_error: null });
  });

  it("requests no sync when only the status or properties change", async () => {
    const { id } = await customerAtStripe();
    await update.updateCustomer({ id, input: { status: "suspended" }, actor: TEST_ACTOR });
    expect(await syncRequests(id)).toBe(0);
    expect((await read.getCustomer(id)).stripe_sync?.status).toBe("synced");
  });

  it("clears at Stripe what was cleared here (company name and address line 2)", async () => {
    const { id, stripeCustomerId } = await customerAtStripe();
    await rename(id, "Has Line Two", PARIS);
    await runJob(id);
    await update.updateCustomer({
      id,
      input: { company_name: "", address: { line2: "" } } as never,
      actor: TEST_ACTOR,
    });
    await runJob(id);
    expect(await stripeCustomer(stripeCustomerId)).toMatchObject({
      name: null,
      address: { ...PARIS, line2: null },
    });
  });
});

describe("the sync-stripe-customer job", () => {
  it("is idempotent under duplicate delivery: Stripe is updated once", async () => {
    const { id, stripeCustomerId } = await customerAtStripe();
    await rename(id, "Delivered Twice Ltd");
    const before = (await updateEventsOf(stripeCustomerId)).length;
    await Promise.all([runJob(id), runJob(id), runJob(id)]);
    await runJob(id);
    expect((await updateEventsOf(stripeCustomerId)).length - before).toBe(1);
    expect((await stripeCustomer(stripeCustomerId)).name).toBe("Delivered Twice Ltd");
  });

  it("lets the last change win when the first change's job is retried after the second's ran", async () => {
    const { id, stripeCustomerId } = await customerAtStripe();
    await rename(id, "First Name GmbH");
    // The first change's job fails (Stripe down for its attempt: the SDK's three tries)…
    await injectCustomerUpdateFailures(stripeCustomerId, 3);
    await expect(sync.syncStripeCustomer(id)).rejects.toThrow();
    // …the second change commits and its job runs first…
    await rename(id, "Second Name GmbH", PARIS);
    await runJob(id);
    // …then the first job's retry runs: it pushes the current row, or finds it already there.
    await runJob(id);
    expect(await stripeCustomer(stripeCustomerId)).toMatchObject({
      name: "Second Name GmbH",
      address: PARIS,
    });
    expect((await read.getCustomer(id)).stripe_sync).toMatchObject({ status: "synced", last_error: null });
  });

  it("never lets an older push overtake a newer one: a second job waits while a push is in flight", async () => {
    const { id, stripeCustomerId } = await customerAtStripe();
    await rename(id, "Old Push Oy");
    const { stripe } = await import("../../lib/stripe/client");
    const customers = stripe().customers;
    const original = customers.update.bind(customers);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reachedStripe: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      reachedStripe = resolve;
    });
    // The first push (of "Old Push Oy") is held on its way to Stripe until the test lets it go.
    const spy = vi
      .spyOn(customers, "update")
      .mockImplementationOnce(async (...args: Parameters<typeof original>) => {
        reachedStripe();
        await gate;
        return original(...args);
      });
    try {
      const first = sync.syncStripeCustomer(id);
      await inFlight;
      await rename(id, "New Push Oy");
      // While the first push holds the customer's sync, a second job is refused (pg-boss retries it).
      await expect(sync.syncStripeCustomer(id)).rejects.toBeInstanceOf(sync.StripeCustomerSyncBusy);
      release();
      await first;
      await runJob(id);
    } finally {
      spy.mockRestore();
    }
    expect((await stripeCustomer(stripeCustomerId)).name).toBe("New Push Oy");
    expect((await read.getCustomer(id)).stripe_sync?.status).toBe("synced");
  });

  it("ends with the last change whatever the order of concurrent jobs and changes", async () => {
    const { id, stripeCustomerId } = await customerAtStripe();
    const names = Array.from({ length: 6 }, (_, n) => `Racing Name ${n} BV`);
    const work: Promise<unknown>[] = [];
    for (const name of names) {
      await rename(id, name);
      work.push(runJob(id), runJob(id));
    }
    await Promise.all(work);
    await runJob(id);
    expect((await stripeCustomer(stripeCustomerId)).name).toBe(names.at(-1));
    expect((await read.getCustomer(id)).stripe_sync?.status).toBe("synced");
  });

  it("records the failure while Stripe fails, and converges once it is back", async () => {
    const { id, stripeCustomerId } = await customerAtStripe();
    await rename(id, "Outage Survivor AG", PARIS);
    await injectCustomerUpdateFailures(stripeCustomerId, 1000);
    await expect(sync.syncStripeCustomer(id)).rejects.toThrow();
    await expect(sync.syncStripeCustomer(id)).rejects.toThrow();
    const failed = await read.getCustomer(id);
    expect(failed.stripe_sync).toMatchObject({
      status: "failed",
      last_error: expect.stringContaining("injected failure"),
    });
    expect((await stripeCustomer(stripeCustomerId)).name).not.toBe("Outage Survivor AG");

    await fetch(`${world.emulator.url}/_emulator/clear_failures`, {
      method: "POST",
      body: new URLSearchParams({ path: `/v1/customers/${stripeCustomerId}` }),
    });
    await runJob(id);
    expect(await stripeCustomer(stripeCustomerId)).toMatchObject({
      name: "Outage Survivor AG",
      address: PARIS,
    });
    const synced = await read.getCustomer(id);
    expect(synced.stripe_sync).toEqual({ status: "synced", synced_at: expect.any(String), last_error: null });
    // The sync's own bookkeeping is not a change of the customer.
    expect(synced.updated_at).toBe(failed.updated_at);
  });

  it("does nothing for a customer without a Stripe customer", async () => {
    const id = await world.newCustomer();
    await runJob(id);
    expect((await read.getCustomer(id)).stripe_sync).toBeNull();
  });
});
