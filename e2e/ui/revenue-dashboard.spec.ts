import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { periodLabel } from "../../components/metrics/period-label";
import { formatMoney } from "../../lib/format/money";
import { PAGE_REQUEST_KINDS, requestPage } from "../security/support/page-requests";
import { writeHeaders } from "../support/api";
import { expect, test } from "./support/fixtures";
import { currencyOfOurOwn, monthOfTwoCustomers, seriesOf } from "./support/revenue-book";
import { settled } from "./support/settled";

// Four customers' cards saved through the emulator's checkout before the pages.
test.describe.configure({ timeout: 120_000 });

const thisMonth = () => new Date().toISOString().slice(0, 7);

async function openDashboard(page: Page, currency: string) {
  await page.goto(`/dashboard?currency=${currency}`);
  await settled(page);
  return {
    revenue: page.getByRole("region", { name: "Revenue over time" }),
    movements: page.getByRole("region", { name: "MRR movements" }),
    month: periodLabel(`${thisMonth()}-01`, "month"),
  };
}

/** Two customers' month in a currency of the test's own, and the dashboard showing it. */
async function dashboardOfTwoCustomers(page: Page, request: APIRequestContext) {
  const currency = currencyOfOurOwn();
  const customers = await monthOfTwoCustomers(request, currency);
  const money = (amount: number) => formatMoney(amount, currency);
  return { currency, money, ...customers, ...(await openDashboard(page, currency)) };
}

test.describe("/dashboard: MRR, YRR and movements over time", () => {
  test("the charts and their tables show GET /metrics/mrr.json's numbers; the current MRR is /metrics.json's", async ({
    financePage: page,
    request,
  }) => {
    const { currency, money, revenue, movements, month } = await dashboardOfTwoCustomers(page, request);

    // This month's movements, in the table and in the chart's segment labels.
    const row = movements.getByRole("row").filter({ has: page.getByRole("rowheader", { name: month }) });
    await expect(row.locator('[data-movement="new"]')).toHaveText(`${money(10900)} (2)`);
    await expect(row.locator('[data-movement="expansion"]')).toHaveText(`${money(4900)} (1)`);
    await expect(row.locator('[data-movement="reactivation"]')).toHaveText(`${money(0)} (0)`);
    await expect(row.locator('[data-movement="contraction"]')).toHaveText(`${money(0)} (0)`);
    await expect(row.locator('[data-movement="churn"]')).toHaveText(`${money(-6000)} (1)`);
    await expect(row.getByRole("cell").last()).toHaveText(money(9800));
    for (const label of [
      `${month}, new: ${money(10900)} (2)`,
      `${month}, expansion: ${money(4900)} (1)`,
      `${month}, churn: ${money(-6000)} (1)`,
    ])
      await expect(movements.locator(`[aria-label="${label}"]`)).toHaveCount(1);
    // A type with nothing this month draws no segment.
    await expect(movements.locator(`[aria-label^="${month}, contraction:"]`)).toHaveCount(0);

    // MRR and YRR at the end of the month: table, chart points and the headline figures.
    await expect(revenue.getByTestId("series-mrr")).toHaveText(money(9800));
    await expect(revenue.getByTestId("series-yrr")).toHaveText(money(117600));
    await expect(revenue.locator(`[aria-label="${month}, MRR: ${money(9800)}"]`)).toHaveCount(1);
    await expect(revenue.locator(`[aria-label="${month}, YRR: ${money(117600)}"]`)).toHaveCount(1);

    // Every row of the MRR table is the API's point, all 24 months of it.
    const points = (await seriesOf(request, { currency })).series[0]?.points ?? [];
    expect(points).toHaveLength(24);
    const table = revenue.getByRole("table", { name: new RegExp(`^${currency} MRR and YRR`) });
    await expect(table.locator("tbody tr")).toHaveText(
      points.map((point) =>
        [
          periodLabel(point.period_start, "month"),
          money(point.start_mrr),
          money(point.net_new_mrr),
          money(point.end_mrr),
          money(point.end_yrr),
          String(point.paying_customers),
        ].join(""),
      ),
    );

    // The current totals agree with GET /metrics.json's for the currency, shown on the same page.
    const book = await (await request.get("/metrics.json", { headers: writeHeaders() })).json();
    const entry = book.currencies.find((item: { currency: string }) => item.currency === currency);
    expect(entry).toMatchObject({ mrr: 9800, yrr: 117600 });
    await expect(page.getByRole("region", { name: "Recurring revenue" })).toContainText(money(entry.mrr));
  });

  test("a click on a bar segment lists the customers behind it, summing to the bar; the table opens it by keyboard", async ({
    financePage: page,
    request,
  }) => {
    const { currency, money, alice, bob, movements, month } = await dashboardOfTwoCustomers(page, request);

    // The mouse: the "new" segment of this month's bar.
    await movements.locator(`[aria-label="${month}, new: ${money(10900)} (2)"]`).click();
    const dialog = page.getByRole("dialog", { name: `New, ${month} (${currency})` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId("drill-down-totals")).toHaveText(`2 movements, ${money(10900)} in all`);
    const rows = dialog.getByTestId("drill-down-row");
    await expect(rows).toHaveCount(2);
    const amounts = await dialog.getByTestId("drill-down-amount").allTextContents();
    expect(amounts.sort()).toEqual([money(3000 * 2), money(4900)].sort());
    await expect(dialog.getByRole("link", { name: alice.company_name as string })).toHaveAttribute(
      "href",
      `/customers/${alice.id}`,
    );
    await expect(dialog.getByRole("link", { name: bob.company_name as string })).toHaveAttribute(
      "href",
      `/customers/${bob.id}`,
    );
    await expect(rows.filter({ hasText: alice.company_name as string })).toContainText(
      `${money(0)} → ${money(4900)}`,
    );
    await expect(rows.filter({ hasText: alice.company_name as string })).toContainText("Pro plan: created");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    // The keyboard: the table's expansion cell is a button in the tab order.
    const expansion = movements.getByRole("button", {
      name: `${month}, expansion: ${money(4900)} (1), show the customers`,
    });
    await expansion.focus();
    await page.keyboard.press("Enter");
    const expanded = page.getByRole("dialog", { name: `Expansion, ${month} (${currency})` });
    await expect(expanded.getByTestId("drill-down-row")).toHaveCount(1);
    await expect(expanded.getByTestId("drill-down-row")).toContainText(`${money(4900)} → ${money(9800)}`);
    await expect(expanded.getByTestId("drill-down-row")).toContainText("Pro plan: quantity 1 → 2");
    await expanded.getByRole("button", { name: "Close" }).click();
    await expect(expansion).toBeFocused();

    // Churn, below zero: Bob, with its cause.
    await movements.locator(`[aria-label="${month}, churn: ${money(-6000)} (1)"]`).click();
    const churned = page.getByRole("dialog", { name: `Churn, ${month} (${currency})` });
    await expect(churned.getByTestId("drill-down-totals")).toHaveText(`1 movement, ${money(-6000)} in all`);
    await expect(churned.getByTestId("drill-down-row")).toContainText(bob.company_name as string);
    await expect(churned.getByTestId("drill-down-row")).toContainText("Pro plan: canceled");
    await churned.getByRole("link", { name: bob.company_name as string }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${bob.id}$`));
  });

  test("a point of the MRR chart opens every movement of its period", async ({
    financePage: page,
    request,
  }) => {
    const { currency, money, revenue, month } = await dashboardOfTwoCustomers(page, request);
    await revenue.locator(`[aria-label="${month}, MRR: ${money(9800)}"]`).click();
    const dialog = page.getByRole("dialog", { name: `Every movement, ${month} (${currency})` });
    await expect(dialog.getByTestId("drill-down-row")).toHaveCount(4);
    await expect(dialog.getByTestId("drill-down-totals")).toHaveText(/^4 movements/);
  });

  test("bad URL values fall back to the defaults with a note saying so", async ({ financePage: page }) => {
    await page.goto("/dashboard?from=2026-02-30&interval=hour&currency=dollars");
    const notes = page.getByRole("status", { name: "Range notes" });
    await expect(notes.getByRole("listitem")).toHaveText([
      /^Ignored currency=dollars: must be an ISO 4217 code/,
      /^Ignored from=2026-02-30: /,
      /^Ignored interval=hour: must be one of: day, week, month/,
    ]);
    await expect(page.getByLabel("Interval")).toHaveValue("month");
  });

  test("the range form puts the view in the URL; a week view has ISO weeks", async ({
    financePage: page,
    request,
  }) => {
    const { currency, movements } = await dashboardOfTwoCustomers(page, request);
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 27 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("From").fill(from);
    await page.getByLabel("Interval").selectOption("week");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`currency=${currency}&from=${from}&to=${today}&interval=week`));
    const weeks = (await seriesOf(request, { currency, from, to: today, interval: "week" })).series[0]
      ?.points;
    expect(weeks?.length).toBeGreaterThanOrEqual(4);
    await expect(movements.locator("tbody tr")).toHaveCount(weeks?.length ?? 0);
    await expect(movements.locator("tbody tr").last()).toContainText(formatMoney(9800, currency));
  });

  test("axe finds nothing serious on the dashboard or in the drill-down", async ({
    financePage: page,
    request,
  }) => {
    const { month } = await dashboardOfTwoCustomers(page, request);
    const serious = async () =>
      (await new AxeBuilder({ page }).analyze()).violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map(
          (violation) =>
            `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3)}`,
        );
    expect(await serious()).toEqual([]);
    await page.getByRole("button", { name: `${month}: show every movement` }).click();
    await expect(page.getByRole("dialog").getByTestId("drill-down-row").first()).toBeVisible();
    expect(await serious()).toEqual([]);
  });
});

test.describe("/dashboard's figures and who sees them", () => {
  test("a viewer sees the charts and drills down", async ({ viewerPage: page, request }) => {
    const { money, movements, month } = await dashboardOfTwoCustomers(page, request);
    await movements.locator(`[aria-label="${month}, new: ${money(10900)} (2)"]`).click();
    await expect(page.getByRole("dialog").getByTestId("drill-down-row")).toHaveCount(2);
  });

  test("signed out: the page and the API answer without a figure of the book", async ({ request }) => {
    const currency = currencyOfOurOwn();
    await monthOfTwoCustomers(request, currency);
    const figures = [currency, "109.00", "98.00", "1,176.00"];
    for (const [kind, headers] of Object.entries(PAGE_REQUEST_KINDS)) {
      const answer = await requestPage(request, `/dashboard?currency=${currency}`, headers);
      expect({ kind, status: answer.status, body: answer.body }).toEqual({ kind, status: 307, body: "" });
      for (const figure of figures.slice(1)) expect(answer.everything).not.toContain(figure);
    }
    for (const path of [
      `/metrics/mrr.json?currency=${currency}`,
      `/metrics/movements.json?currency=${currency}`,
      "/metrics.json",
    ]) {
      const answer = await request.get(path);
      expect(answer.status()).toBe(401);
      const body = await answer.text();
      for (const figure of figures) expect(body).not.toContain(figure);
    }
  });
});
