import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./test-support";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ webhookUrl: undefined });
});

afterAll(async () => {
  await harness?.close();
});

const berlin = { line1: "Alexanderplatz 1", city: "Berlin", postal_code: "10178", country: "DE" };

async function emulatorPost(path: string, form: Record<string, string>) {
  const response = await fetch(`${harness.emulator.url}${path}`, {
    method: "POST",
    headers: {
      Authorization: "Bearer sk_test_emulator",
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(form),
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe("the customer's identity", () => {
  it("is created with the name, email and full address", async () => {
    const customer = await harness.stripe.customers.create({
      name: "Acme GmbH",
      email: "billing@acme.test",
      address: berlin,
    });
    expect(customer).toMatchObject({
      name: "Acme GmbH",
      email: "billing@acme.test",
      address: { ...berlin, line2: null, state: null },
    });
  });

  it("takes a new name, email and address on update, and keeps it", async () => {
    const customer = await harness.stripe.customers.create({
      name: "Old",
      email: "old@acme.test",
      address: berlin,
    });
    await harness.stripe.customers.update(customer.id, {
      name: "New SARL",
      email: "new@acme.test",
      address: {
        line1: "1 rue de Rivoli",
        line2: "",
        city: "Paris",
        state: "",
        postal_code: "75001",
        country: "FR",
      },
    });
    expect(await harness.stripe.customers.retrieve(customer.id)).toMatchObject({
      name: "New SARL",
      email: "new@acme.test",
      address: {
        line1: "1 rue de Rivoli",
        line2: null,
        city: "Paris",
        state: null,
        postal_code: "75001",
        country: "FR",
      },
    });
  });

  it("replaces only the address fields an update sends, and clears the address when sent empty", async () => {
    const customer = await harness.stripe.customers.create({ address: berlin });
    const moved = await harness.stripe.customers.update(customer.id, { address: { city: "Potsdam" } });
    expect(moved.address).toEqual({ ...berlin, city: "Potsdam", line2: null, state: null });
    const cleared = await harness.stripe.customers.update(customer.id, { address: "" });
    expect(cleared.address).toBeNull();
  });

  it("refuses an address whose country is not a 2-letter code, naming the parameter", async () => {
    const refused = harness.stripe.customers.create({ address: { country: "Germany" } });
    await expect(refused).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      param: "address[country]",
    });
  });
});

describe("the customer's tax (expand[]=tax)", () => {
  it("is left out unless expanded, as in Stripe", async () => {
    const customer = await harness.stripe.customers.create({ address: berlin });
    expect(customer).not.toHaveProperty("tax");
  });

  it.each([
    [
      "supported for a German address",
      berlin,
      "supported",
      { country: "DE", source: "billing_address", state: null },
    ],
    [
      "not_collecting for a US address outside the rate table",
      { country: "US", postal_code: "94107", state: "CA" },
      "not_collecting",
      { country: "US", source: "billing_address", state: "CA" },
    ],
    [
      "unrecognized_location for a US address without a postal code",
      { country: "US" },
      "unrecognized_location",
      null,
    ],
  ])("is %s", async (_name, address, automaticTax, location) => {
    const customer = await harness.stripe.customers.create({ address });
    const expanded = await harness.stripe.customers.retrieve(customer.id, { expand: ["tax"] });
    expect((expanded as Stripe.Customer).tax).toEqual({
      automatic_tax: automaticTax,
      ip_address: null,
      location,
      provider: "stripe",
    });
  });

  it("follows an address change", async () => {
    const customer = await harness.stripe.customers.create({ address: { country: "US" } });
    const updated = await harness.stripe.customers.update(customer.id, {
      address: { postal_code: "10001" },
      expand: ["tax"],
    });
    expect(updated.tax?.automatic_tax).toBe("not_collecting");
  });
});

describe("fault injection on customer updates", () => {
  it("fails the customer's updates until cleared, then lets them through", async () => {
    const customer = await harness.stripe.customers.create({ name: "Before" });
    const path = `/v1/customers/${customer.id}`;
    await emulatorPost("/_emulator/inject_failures", { path, method: "POST", count: "1000" });
    const noRetries = new Stripe("sk_test_emulator", {
      host: "127.0.0.1",
      port: harness.emulator.port,
      protocol: "http",
      maxNetworkRetries: 0,
    });
    await expect(noRetries.customers.update(customer.id, { name: "During" })).rejects.toMatchObject({
      statusCode: 500,
    });
    // Reads of the same path are not failed by a POST-only rule.
    expect((await noRetries.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
      name: "Before",
    });

    expect(await emulatorPost("/_emulator/clear_failures", { path })).toEqual({ ok: true, cleared: 1 });
    await noRetries.customers.update(customer.id, { name: "After" });
    expect(await noRetries.customers.retrieve(customer.id)).toMatchObject({ name: "After" });
  });
});
