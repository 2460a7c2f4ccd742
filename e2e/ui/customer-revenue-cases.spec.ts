import { createCustomer } from "../support/api";
import { expect, test } from "./support/fixtures";

// GET /customers/{id}/metrics.json answered in the browser with chosen data of the real shape,
// for what a fresh database does not have: a discount, a line that does not count for a reason
// other than a trial, a cleared signal, evidence of each kind (an overdue invoice the invoices
// panel lists links to its hosted page; one beyond its first page, to its JSON).
// customer-revenue.spec.ts runs the real endpoint end to end.

const NOW = "2026-11-14T10:02:03.000Z";

const HOSTED = "https://invoice.stripe.test/i/in_open";

/** The invoices panel's first page: only in_open of the two overdue invoices. */
function invoicesWith(customerId: string) {
  const invoice = {
    id: "in_open",
    object: "invoice",
    customer_id: customerId,
    stripe_invoice_id: "in_stripe_open",
    number: "ACME-0002",
    status: "open",
    currency: "EUR",
    subtotal: 10000,
    tax: 0,
    total: 10000,
    amount_paid: 0,
    amount_remaining: 10000,
    period_start: NOW,
    period_end: NOW,
    due_date: "2026-10-15T00:00:00.000Z",
    customer_name: "Acme",
    customer_email: "billing@acme.example",
    customer_address: null,
    subscription_id: null,
    charge_id: null,
    hosted_invoice_url: HOSTED,
    invoice_pdf: `${HOSTED}/pdf`,
    lines: [],
    created_at: NOW,
    updated_at: NOW,
  };
  return { object: "list", data: [invoice], has_more: true, next_cursor: "in_open" };
}

function metricsWith(customerId: string) {
  return {
    object: "customer_metrics",
    customer_id: customerId,
    currency: "EUR",
    mrr: 7920,
    yrr: 95040,
    mrr_by_currency: { EUR: 7920 },
    yrr_by_currency: { EUR: 95040 },
    mrr_30_days_ago: 9900,
    daily_mrr: [
      { date: "2026-10-15", mrr: 9900 },
      { date: "2026-11-14", mrr: 7920 },
    ],
    breakdown: [
      {
        subscription_id: "sub_new",
        description: "Pro plan",
        status: "active",
        currency: "EUR",
        unit_amount: 9900,
        quantity: 1,
        period_amount: 9900,
        interval: "month",
        interval_count: 1,
        months: 1,
        discount: { percent_off: 20, amount_off: null, amount: 1980 },
        mrr: 7920,
        counts: true,
        reason: null,
      },
      {
        subscription_id: "sub_old",
        description: "Starter plan",
        status: "canceled",
        currency: "EUR",
        unit_amount: 2900,
        quantity: 3,
        period_amount: 8700,
        interval: "month",
        interval_count: 3,
        months: 3,
        discount: null,
        mrr: 0,
        counts: false,
        reason: "canceled",
      },
    ],
    history: [
      {
        id: "mrr_2",
        at: NOW,
        date: "2026-11-14",
        currency: "EUR",
        type: "contraction",
        mrr_before: 9900,
        mrr_after: 7920,
        changes: [
          {
            subscription_id: "sub_new",
            description: "Pro plan",
            change: "discount_changed",
            from: null,
            to: "20% off",
          },
        ],
      },
      {
        id: "mrr_1",
        at: "2026-09-01T08:00:00.000Z",
        date: "2026-09-01",
        currency: "EUR",
        type: "new",
        mrr_before: 0,
        mrr_after: 9900,
        changes: [
          { subscription_id: "sub_new", description: "Pro plan", change: "unknown", from: null, to: null },
        ],
      },
    ],
    risk: {
      level: "medium",
      score: 40,
      signals: [
        {
          code: "card_expiring",
          message: "The card expires within 30 days.",
          weight: 20,
          since: NOW,
          evidence: [{ type: "payment_method", id: "pm_expiring" }],
        },
        {
          code: "past_due",
          message: "1 subscription is past due",
          weight: 30,
          since: NOW,
          evidence: [{ type: "subscription", id: "sub_new" }],
        },
        {
          code: "invoice_overdue",
          message: "2 invoices are overdue, the oldest due on 2026-10-01",
          weight: 30,
          since: NOW,
          evidence: [
            { type: "invoice", id: "in_open" },
            { type: "invoice", id: "in_older" },
          ],
        },
      ],
    },
    risk_history: [
      { code: "invoice_overdue", appeared_at: NOW, cleared_at: null },
      {
        code: "charge_failed",
        appeared_at: "2026-08-01T09:00:00.000Z",
        cleared_at: "2026-10-30T09:00:00.000Z",
      },
    ],
    as_of: NOW,
  };
}

test("the MRR breakdown, history and risk history of chosen cases", async ({
  financePage: page,
  request,
}) => {
  const customer = await createCustomer(request);
  await page.route(`**/customers/${customer.id}/metrics.json`, (route) =>
    route.fulfill({ json: metricsWith(customer.id) }),
  );
  await page.route(`**/customers/${customer.id}/invoices.json*`, (route) =>
    route.fulfill({ json: invoicesWith(customer.id) }),
  );
  await page.goto(`/customers/${customer.id}`);

  const breakdown = page.getByRole("region", { name: "MRR breakdown" });
  const pro = breakdown.getByTestId("breakdown-line").filter({ hasText: "Pro plan" });
  await expect(pro).toContainText("€99.00 × 1 = €99.00");
  await expect(pro).toContainText("20% off: −€19.80");
  await expect(pro.getByRole("cell").last()).toHaveText("€79.20");
  const starter = breakdown.getByTestId("breakdown-line").filter({ hasText: "Starter plan" });
  await expect(starter).toContainText("€29.00 × 3 = €87.00");
  await expect(starter).toContainText("per 3 months, ÷ 3");
  await expect(starter).toContainText("no: canceled");
  await expect(breakdown.getByTestId("breakdown-total-EUR")).toHaveText("€79.20");

  const entries = page
    .getByRole("list", { name: "MRR changes, newest first" })
    .getByTestId("mrr-history-entry");
  await expect(entries.nth(0)).toContainText("Contraction (EUR): €99.00 → €79.20 (-€19.80)");
  await expect(entries.nth(0)).toContainText("Pro plan: discount none → 20% off");
  await expect(entries.nth(1)).toContainText("Pro plan: cause not recorded");

  const panel = page.getByRole("region", { name: "Revenue and risk" });
  await expect(panel.getByRole("img", { name: /MRR from €99\.00 .* to €79\.20/ })).toBeVisible();
  const signals = panel.getByRole("list", { name: "Risk signals" });
  await expect(signals.getByRole("listitem").filter({ hasText: "card_expiring" })).toContainText(
    "since 14 Nov 2026, 10:02 UTC",
  );
  await expect(signals).toContainText("card pm_expiring");
  await expect(signals.getByRole("link", { name: "sub_new" })).toHaveAttribute(
    "href",
    "/subscriptions/sub_new.json",
  );
  const overdue = signals.getByRole("listitem").filter({ hasText: "invoice_overdue" });
  await expect(overdue).toContainText("2 invoices are overdue, the oldest due on 2026-10-01");
  await expect(overdue.getByRole("link", { name: "in_open" })).toHaveAttribute("href", HOSTED);
  await expect(overdue.getByRole("link", { name: "in_older" })).toHaveAttribute(
    "href",
    "/invoices/in_older.json",
  );
  const history = panel.getByTestId("risk-history");
  await expect(history).toContainText("invoice_overdue: appeared 14 Nov 2026, 10:02 UTC, still present");
  await expect(history).toContainText(
    "charge_failed: appeared 1 Aug 2026, 09:00 UTC, cleared 30 Oct 2026, 09:00 UTC",
  );
});
