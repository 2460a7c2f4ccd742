import type { BookMetrics, CustomerGraph, CustomerMetrics } from "../../lib/queries/types";
import { createCustomer } from "../support/api";
import { expect, test } from "./support/fixtures";

// These specs answer graph.json and metrics.json in the browser with chosen data of the real
// response shapes (typed by the same schemas), so the rendering of cases a fresh database does
// not have is proved; customer-page.spec.ts checks the real endpoints end to end.

const NOW = new Date().toISOString();

function customerMetrics(customerId: string, overrides: Partial<CustomerMetrics>): CustomerMetrics {
  return {
    object: "customer_metrics",
    customer_id: customerId,
    currency: "USD",
    mrr: 0,
    yrr: 0,
    mrr_by_currency: {},
    yrr_by_currency: {},
    mrr_30_days_ago: null,
    risk: { level: "low", score: 0, signals: [] },
    risk_history: [],
    breakdown: [],
    history: [],
    daily_mrr: [],
    as_of: NOW,
    ...overrides,
  };
}

test.describe("billing panels (stubbed answers of the real shapes)", () => {
  test("the relationship graph: nodes by type around the customer, zoom controls, details on click", async ({
    financePage: page,
    request,
  }) => {
    const customer = await createCustomer(request);
    const graph = {
      object: "graph",
      customer_id: customer.id,
      nodes: [
        { id: customer.id, type: "customer", label: "Acme GmbH" },
        { id: "prop:tier", type: "property", label: "tier: gold" },
        {
          id: "pm_1",
          type: "payment_method",
          label: "visa •••• 4242",
          data: { exp_month: 12, exp_year: 2030 },
        },
        { id: "sub_1", type: "subscription", label: "Pro plan", data: { status: "active" } },
        { id: "ch_1", type: "charge", label: "$15.00 failed", data: { status: "failed" } },
      ],
      edges: [
        { source: customer.id, target: "prop:tier", type: "has_property" },
        { source: customer.id, target: "pm_1", type: "has_payment_method" },
        { source: customer.id, target: "sub_1", type: "has_subscription" },
        { source: "sub_1", target: "ch_1", type: "charged" },
      ],
    } satisfies CustomerGraph;
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
    // The node's data fields, one per row (not the data object as JSON).
    await expect(details.getByRole("definition")).toHaveText(["active"]);
    await expect(details).toContainText("charged: $15.00 failed");
    await section.screenshot({ path: "test-results/screenshots/graph-stubbed.png" });
  });

  test("MRR/YRR in the currency, the 90-day sparkline, the risk level, score and signals", async ({
    financePage: page,
    request,
  }) => {
    const customer = await createCustomer(request);
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const metrics = customerMetrics(customer.id, {
      mrr: 19800,
      yrr: 237600,
      risk: {
        level: "high",
        score: 70,
        signals: [
          {
            code: "charge_failed",
            message: "A charge failed in the last 90 days.",
            weight: 40,
            evidence: [{ type: "charge", id: "ch_01JD7Q5M9R2V6YQW3K8N4TB1ZX" }],
            since: NOW,
          },
        ],
      },
      daily_mrr: [
        { date: day(60), mrr: 9900 },
        { date: day(30), mrr: 14900 },
        { date: day(0), mrr: 19800 },
      ],
    });
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
    const metrics = customerMetrics(customer.id, { currency: "JPY", mrr: 5000, yrr: 60000 });
    await page.route(`**/customers/${customer.id}/metrics.json`, (route) => route.fulfill({ json: metrics }));
    await page.goto(`/customers/${customer.id}`);
    await expect(page.getByTestId("mrr")).toHaveText("¥5,000");
    await expect(page.getByText("No risk signals.")).toBeVisible();
  });

  test("the dashboard: revenue and movements per currency, counts, at-risk customers by name", async ({
    financePage: page,
  }) => {
    const movement = (count: number, amount: number) => ({ count, amount });
    const atRisk = (customer_id: string, company_name: string | null, email: string) => ({
      customer_id,
      external_id: `crm-${customer_id}`,
      company_name,
      email,
      level: "high" as const,
      score: 80,
      signals: [],
      currency: "EUR",
      mrr: 4900,
    });
    const book = {
      object: "book_metrics",
      as_of: NOW,
      currencies: [
        {
          currency: "EUR",
          mrr: 123400,
          yrr: 1480800,
          paying_customers: 3,
          live_subscriptions: 4,
          movements: {
            new: movement(2, 9800),
            expansion: movement(1, 1000),
            contraction: movement(0, 0),
            churn: movement(1, -4900),
            reactivation: movement(0, 0),
            net_new_mrr: 5900,
          },
        },
      ],
      customer_counts: { active: 12, suspended: 1 },
      movements_period: { from: "2026-01-01", to: "2026-01-31" },
      at_risk: [
        atRisk("cus_named", "Risky Donuts Ltd", "named@example.com"),
        // Nothing visible in the company name: the link falls back to the email.
        atRisk("cus_blank", " \u200b ", "blank@example.com"),
      ],
    } satisfies BookMetrics;
    await page.route(
      (url) => url.pathname === "/metrics.json",
      (route) => route.fulfill({ json: book }),
    );
    await page.goto("/dashboard");
    const revenue = page.getByRole("region", { name: "Recurring revenue" });
    await expect(revenue).toContainText("€1,234.00");
    await expect(revenue.getByRole("list", { name: "EUR movements" })).toContainText("new: €98.00 (2)");
    await expect(revenue.getByRole("list", { name: "EUR movements" })).toContainText("net_new_mrr: €59.00");
    await expect(page.getByRole("region", { name: "Customers by status" })).toContainText("12");
    const risky = page.getByRole("region", { name: "Customers at risk" });
    await expect(risky.getByRole("link", { name: "Risky Donuts Ltd" })).toHaveAttribute(
      "href",
      "/customers/cus_named",
    );
    await expect(risky.getByRole("link", { name: "blank@example.com" })).toHaveAttribute(
      "href",
      "/customers/cus_blank",
    );
  });
});
