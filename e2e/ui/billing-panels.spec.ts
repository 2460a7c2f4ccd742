import { createCustomer } from "../support/api";
import { expect, test } from "./support/fixtures";

// The billing endpoints are built separately. These specs answer graph.json and metrics.json
// in the browser with the contract's shapes, so the rendering is proved whether or not billing
// has landed (customer-page.spec.ts checks the real endpoints, or the fallback).

test.describe("billing panels (contract-shaped answers)", () => {
  test("the relationship graph: nodes by type around the customer, zoom controls, details on click", async ({
    financePage: page,
    request,
  }) => {
    const customer = await createCustomer(request);
    const graph = {
      nodes: [
        { id: customer.id, type: "customer", label: "Acme GmbH" },
        { id: "prop:tier", type: "property", label: "tier = gold" },
        { id: "pm_1", type: "payment_method", label: "VISA •••• 4242", exp_month: 12, exp_year: 2030 },
        { id: "sub_1", type: "subscription", label: "Pro plan", status: "active" },
        { id: "ch_1", type: "charge", label: "$15.00 setup fee", status: "failed" },
      ],
      edges: [
        { source: customer.id, target: "prop:tier", type: "has_property" },
        { source: customer.id, target: "pm_1", type: "has_payment_method" },
        { source: customer.id, target: "sub_1", type: "has_subscription" },
        { source: "sub_1", target: "ch_1", type: "charged" },
      ],
    };
    await page.route(`**/customers/${customer.id}/graph.json`, (route) => route.fulfill({ json: graph }));
    await page.goto(`/customers/${customer.id}`);
    const section = page.getByRole("region", { name: "Relationship graph" });
    await expect(section.locator(".react-flow__node")).toHaveCount(5);
    await expect(section.locator(".react-flow__edge")).toHaveCount(4);
    await expect(section.getByRole("button", { name: "Zoom In" })).toBeVisible();
    await expect(section.getByRole("list", { name: "Legend" })).toContainText("payment method");
    await section.getByTestId("rf__node-sub_1").click();
    const details = section.getByRole("complementary", { name: "Node details" });
    await expect(details).toContainText("Pro plan");
    await expect(details).toContainText("status");
    await expect(details).toContainText("charged: $15.00 setup fee");
    await section.screenshot({ path: "test-results/screenshots/graph-stubbed.png" });
  });

  test("MRR/YRR in the currency, the 90-day sparkline, the risk level, score and signals", async ({
    financePage: page,
    request,
  }) => {
    const customer = await createCustomer(request);
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const metrics = {
      currency: "USD",
      mrr: 19800,
      yrr: 237600,
      risk: {
        level: "high",
        score: 70,
        signals: [{ code: "charge_failed", message: "A charge failed in the last 90 days." }],
      },
      history: [
        { date: day(60), mrr: 9900 },
        { date: day(30), mrr: 14900 },
        { date: day(0), mrr: 19800 },
      ],
    };
    await page.route(`**/customers/${customer.id}/metrics.json`, (route) => route.fulfill({ json: metrics }));
    await page.goto(`/customers/${customer.id}`);
    const panel = page.getByRole("region", { name: "Revenue and risk" });
    await expect(panel.getByTestId("mrr")).toHaveText("$198.00");
    await expect(panel.getByTestId("yrr")).toHaveText("$2,376.00");
    await expect(panel.getByRole("img", { name: /MRR from \$99\.00 .* to \$198\.00/ })).toBeVisible();
    await expect(panel.getByText("high")).toBeVisible();
    await expect(panel.getByTestId("risk-score")).toHaveText("score 70 / 100");
    await expect(panel.getByText("A charge failed in the last 90 days.")).toBeVisible();
  });

  test("a zero-decimal currency is not divided by 100", async ({ financePage: page, request }) => {
    const customer = await createCustomer(request);
    const metrics = { currency: "JPY", mrr: 5000, yrr: 60000, risk: { level: "low", score: 0, signals: [] } };
    await page.route(`**/customers/${customer.id}/metrics.json`, (route) => route.fulfill({ json: metrics }));
    await page.goto(`/customers/${customer.id}`);
    await expect(page.getByTestId("mrr")).toHaveText("¥5,000");
    await expect(page.getByText("No risk signals.")).toBeVisible();
  });
});
