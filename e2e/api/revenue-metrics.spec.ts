import * as api from "@donutwork/api-client";
import { type APIRequestContext, expect, test } from "@playwright/test";
import {
  billableCustomer,
  cancelNow,
  changeSubscription,
  metricsOf,
  subscribe,
} from "../billing/billing-support";
import { writeClient } from "../support/api";
import { readApi } from "../support/api-client";
import { expectResultMatchesOpenApi } from "../support/api-openapi";
import { appUrl, expectData, expectProblemOf } from "../support/api-typed";
import { sessionOf } from "../ui/support/sessions";

// GET /metrics/mrr.json and /metrics/movements.json over HTTP against the app and the emulator.
// The book is shared with the other specs, so the figures are compared as before → after in a
// currency no other spec bills in (SEK), and the drill-down is read for this spec's customer.

const CURRENCY = "SEK";
const today = () => new Date().toISOString().slice(0, 10);

async function todaysPoint(request: APIRequestContext) {
  const result = await api.getMrrSeries({
    client: writeClient(request),
    query: { currency: "sek", from: today(), to: today(), interval: "day" },
  });
  const series = expectData(result, 200);
  expect(series.series.map((each) => each.currency)).toEqual([CURRENCY]);
  const point = series.series[0]?.points[0];
  if (!point) throw new Error("no point for today");
  return { point, result };
}

/** Every movement of today in SEK, page by page (limit 2), newest first. */
async function allMovements(request: APIRequestContext) {
  const rows: api.MrrMovement[] = [];
  let cursor: string | undefined;
  let totals: { count: number; amount: number } | undefined;
  do {
    const page = expectData(
      await api.listMrrMovements({
        client: writeClient(request),
        query: { currency: CURRENCY, from: today(), to: today(), limit: 2, cursor },
      }),
      200,
    );
    rows.push(...page.data);
    totals = page.totals;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return { rows, totals };
}

test.describe("the MRR series and its drill-down", () => {
  test("a subscription's create, quantity change and cancel show as new, expansion and churn, with causes, summing to the bar", async ({
    request,
  }) => {
    const before = (await todaysPoint(request)).point;
    const customer = await billableCustomer(request);
    const subscription = await subscribe(request, customer.id, { currency: CURRENCY, amount: 4900 });
    await changeSubscription(request, subscription.id, { quantity: 2 });
    await cancelNow(request, subscription.id);

    const { point: after, result } = await todaysPoint(request);
    await expectResultMatchesOpenApi(request, result, "/metrics/mrr.json", "get");
    expect(after.movements.new.count - before.movements.new.count).toBe(1);
    expect(after.movements.new.amount - before.movements.new.amount).toBe(4900);
    expect(after.movements.expansion.amount - before.movements.expansion.amount).toBe(4900);
    expect(after.movements.churn.amount - before.movements.churn.amount).toBe(9800);
    expect(after.start_mrr + after.net_new_mrr).toBe(after.end_mrr);
    expect(after.end_yrr).toBe(12 * after.end_mrr);

    const { rows, totals } = await allMovements(request);
    const counted = Object.values(after.movements).reduce((sum, each) => sum + each.count, 0);
    const moved = Object.values(after.movements).reduce((sum, each) => sum + each.amount, 0);
    expect(totals).toEqual({ count: counted, amount: moved });
    expect(rows).toHaveLength(counted);
    const mine = rows.filter((row) => row.customer.id === customer.id);
    expect(mine.map((row) => [row.type, row.mrr_before, row.mrr_after, row.amount])).toEqual([
      ["churn", 9800, 0, 9800],
      ["expansion", 4900, 9800, 4900],
      ["new", 0, 4900, 4900],
    ]);
    expect(mine.map((row) => row.changes.map((change) => [change.change, change.from, change.to]))).toEqual([
      [["canceled", "active", "canceled"]],
      [["quantity_changed", 1, 2]],
      [["created", null, "active"]],
    ]);
    expect(mine[0]?.changes[0]).toMatchObject({ subscription_id: subscription.id, description: "Pro plan" });

    // The customer's own page of it: the same changes, and the breakdown line saying why it no longer counts.
    const metrics = await metricsOf(request, customer.id);
    expect(metrics.history.map((row) => [row.id, row.type, row.changes])).toEqual(
      mine.map((row) => [row.id, row.type, row.changes]),
    );
    expect(metrics.breakdown).toEqual([
      expect.objectContaining({
        subscription_id: subscription.id,
        quantity: 2,
        mrr: 0,
        counts: false,
        reason: "canceled",
      }),
    ]);

    // With `to` today, the series ends where /metrics.json stands.
    const book = expectData(await api.getBookMetrics({ client: writeClient(request) }), 200);
    const sek = book.currencies.find((each) => each.currency === CURRENCY);
    const monthly = expectData(
      await api.getMrrSeries({ client: writeClient(request), query: { currency: CURRENCY } }),
      200,
    );
    const points = monthly.series[0]?.points ?? [];
    expect(points).toHaveLength(24);
    expect(points.at(-1)?.end_mrr).toBe(sek?.mrr ?? 0);
    for (const [index, point] of points.entries()) {
      expect(point.start_mrr + point.net_new_mrr).toBe(point.end_mrr);
      if (index > 0) expect(point.start_mrr).toBe(points[index - 1]?.end_mrr);
    }
  });

  test("bad parameters are 422 problems naming the parameter", async ({ request }) => {
    const series = (query: Record<string, string>) =>
      api.getMrrSeries({ client: writeClient(request), query: query as never });
    const movements = (query: Record<string, string>) =>
      api.listMrrMovements({ client: writeClient(request), query: query as never });
    expectProblemOf(await series({ from: "2026-02-30" }), 422, ["from"]);
    expectProblemOf(await series({ to: "yesterday" }), 422, ["to"]);
    expectProblemOf(await series({ from: "2026-05-01", to: "2026-04-01" }), 422, ["from"]);
    expectProblemOf(await series({ interval: "year" }), 422, ["interval"]);
    expectProblemOf(await series({ interval: "day", from: "2020-01-01", to: "2026-01-01" }), 422, [
      "interval",
    ]);
    expectProblemOf(await series({ currency: "dollars" }), 422, ["currency"]);
    expectProblemOf(await series({ colour: "red" }), 422, ["colour"]);
    expectProblemOf(await movements({ type: "upgrade" }), 422, ["type"]);
    expectProblemOf(await movements({ limit: "101" }), 422, ["limit"]);
    expectProblemOf(await movements({ cursor: "not-a-cursor" }), 422, ["cursor"]);
    expectProblemOf(await movements({ from: "2026-05-02", to: "2026-05-01" }), 422, ["from"]);
  });

  test("a read-only key and a viewer read the series and the drill-down; signed out gets nothing of them", async ({
    request,
  }) => {
    const read = readApi(request);
    expect(expectData(await api.getMrrSeries({ client: read }), 200).object).toBe("mrr_series");
    expect(expectData(await api.listMrrMovements({ client: read }), 200).object).toBe("list");
    const viewer = await sessionOf(appUrl, "viewer");
    const cookie = viewer.cookies.map((each) => `${each.name}=${each.value}`).join("; ");
    for (const path of ["/metrics/mrr.json", "/metrics/movements.json"]) {
      const signedIn = await request.get(`${appUrl}${path}`, { headers: { cookie } });
      expect(signedIn.status(), path).toBe(200);
      const signedOut = await request.get(`${appUrl}${path}`);
      expect(signedOut.status(), path).toBe(401);
      const body = await signedOut.text();
      expect(body).not.toMatch(/"series"|"data"|"totals"|end_mrr/);
      expect(JSON.parse(body)).toMatchObject({ status: 401 });
    }
  });
});
