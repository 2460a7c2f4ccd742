import * as api from "@donutwork/api-client";
import { expect, test } from "@playwright/test";
import { writeClient } from "../support/api";
import { domainEventTypes, queryDatabase } from "../support/api-database";
import { expectResultMatchesOpenApi } from "../support/api-openapi";
import { expectData, expectProblemOf } from "../support/api-typed";
import { billableCustomer, charge, DECLINING_CARD, metricsOf, subscribe } from "./billing-support";

test.describe("the life of a customer, through HTTP and the emulator", () => {
  test("card → two subscriptions → charge → failed charge → cancel, with metrics at each step", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    let metrics = await metricsOf(request, customer.id);
    expect(metrics).toMatchObject({ mrr: 0, yrr: 0, currency: null });
    expect(metrics.risk.level).toBe("low");
    expect(metrics.daily_mrr).toHaveLength(90);

    // Two subscriptions: 2 × 49.00 a month and 1200.00 a year → 98.00 + 100.00 = 198.00 MRR.
    const monthly = await subscribe(request, customer.id, { amount: 4900, quantity: 2 });
    metrics = await metricsOf(request, customer.id);
    expect(metrics).toMatchObject({ currency: "USD", mrr: 9800, yrr: 117600 });
    const yearly = await subscribe(request, customer.id, { amount: 120000, interval: "year" });
    const result = await api.getCustomerMetrics({ client: writeClient(request), path: { id: customer.id } });
    await expectResultMatchesOpenApi(request, result, "/customers/{id}/metrics.json", "get");
    metrics = expectData(result, 200);
    expect(metrics).toMatchObject({
      currency: "USD",
      mrr: 19800,
      yrr: 237600,
      mrr_by_currency: { USD: 19800 },
    });
    expect(metrics.daily_mrr.at(-1)).toMatchObject({ mrr: 19800 });

    // A one-time charge never counts toward MRR.
    const paid = expectData(await charge(request, customer.id, { amount: 1500 }), 201);
    expect(paid.status).toBe("succeeded");
    expect((await metricsOf(request, customer.id)).mrr).toBe(19800);

    // A failed charge, on a second customer whose card (0341) attaches but declines off-session.
    const declining = await billableCustomer(request, DECLINING_CARD);
    const failed = expectData(await charge(request, declining.id, { amount: 1500 }), 201);
    expect(failed).toMatchObject({ status: "failed", failure_code: "card_declined" });
    const risky = await metricsOf(request, declining.id);
    expect(risky.risk.signals.map((signal) => signal.code)).toEqual(["charge_failed"]);
    expect(risky.risk.score).toBe(15);

    // Cancel: MRR falls by each subscription's share, then to 0.
    const cancel = async (id: string) =>
      expectData(await api.cancelSubscription({ client: writeClient(request), path: { id } }), 200);
    await cancel(monthly.id);
    expect((await metricsOf(request, customer.id)).mrr).toBe(10000);
    await cancel(yearly.id);
    metrics = await metricsOf(request, customer.id);
    expect(metrics).toMatchObject({ mrr: 0, yrr: 0, currency: "USD" });

    // The graph shows it all.
    const graphResult = await api.getCustomerGraph({
      client: writeClient(request),
      path: { id: customer.id },
    });
    await expectResultMatchesOpenApi(request, graphResult, "/customers/{id}/graph.json", "get");
    const graph = expectData(graphResult, 200);
    const types = graph.nodes.map((node) => node.type);
    expect(types).toEqual(
      expect.arrayContaining(["customer", "payment_link", "payment_method", "subscription", "charge"]),
    );
    expect(graph.nodes.filter((node) => node.type === "subscription")).toHaveLength(2);
    expect(graph.edges).toContainEqual({ source: customer.id, target: monthly.id, type: "has_subscription" });

    // The outbox has the domain events, in the order they happened.
    const events = await domainEventTypes(customer.id, "subscription.", "charge.");
    expect(events).toEqual([
      "subscription.created",
      "subscription.created",
      "charge.succeeded",
      "subscription.canceled",
      "subscription.canceled",
    ]);
    // MRR history rows: +9800, +19800, -> 10000, -> 0.
    const history = await queryDatabase<{ mrr: string }>(
      "select mrr::text from mrr_snapshots where customer_id = $1 order by id",
      [customer.id],
    );
    expect(history.map((row) => Number(row.mrr))).toEqual([9800, 19800, 10000, 0]);
  });
});

test.describe("GET /metrics.json", () => {
  test("per-currency totals, customer counts, movements and customers at risk", async ({ request }) => {
    const customer = await billableCustomer(request);
    await subscribe(request, customer.id, { amount: 700, currency: "EUR" });
    const result = await api.getBookMetrics({ client: writeClient(request) });
    await expectResultMatchesOpenApi(request, result, "/metrics.json", "get");
    const book = expectData(result, 200);
    const eur = book.currencies.find((row) => row.currency === "EUR");
    if (!eur) throw new Error(`no EUR in ${JSON.stringify(book.currencies)}`);
    expect(eur.mrr).toBeGreaterThanOrEqual(700);
    expect(eur.yrr).toBe(eur.mrr * 12);
    expect(eur.movements.new.count).toBeGreaterThanOrEqual(1);
    expect(book.customer_counts.active).toBeGreaterThanOrEqual(1);
    expect(Array.isArray(book.at_risk)).toBe(true);

    const backwards = { from: "2026-12-01", to: "2026-11-01" };
    expectProblemOf(await api.getBookMetrics({ client: writeClient(request), query: backwards }), 422);
    const unauthorised = await request.get("/metrics.json");
    expect(unauthorised.status()).toBe(401);
  });
});
