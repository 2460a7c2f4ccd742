import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, type Page, test } from "@playwright/test";
import { createCustomer, listCustomers } from "../../lib/operations/customers";
import { keys, postCustomer } from "../support/api-client";
import { fetchOpenApi } from "../support/api-openapi";

// /docs/api: Scalar's reference of /openapi.json, served by the app and run under its CSP.

// A 3.5 MB bundle that lays out the whole document in the browser, and axe over what it drew:
// slow on a loaded machine, so this file waits longer than the others.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

/** What went wrong in the page: console errors, uncaught errors, CSP violations, requests elsewhere. */
async function watch(page: Page, origin: string) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("request", (request) => {
    if (new URL(request.url()).origin !== origin && !request.url().startsWith("data:"))
      problems.push(`request elsewhere: ${request.url()}`);
  });
  await page.exposeFunction("reportCspViolation", (text: string) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return problems;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An operation's button in Scalar's sidebar ("<summary> HTTP Method: GET"). */
const sidebarEntry = (page: Page, summary: string) =>
  page
    .getByRole("navigation", { name: /^Sidebar/ })
    .getByRole("button", { name: new RegExp(`^${escapeRegExp(summary)} HTTP Method`) });

/**
 * Opens the reference, at one operation's anchor when given (Scalar lays out the operations near
 * what is on screen first), and waits until the document has been fetched and rendered.
 */
async function openReference(page: Page, operation?: { anchor: string; summary: string }) {
  const response = await page.goto(`/docs/api${operation ? `#${operation.anchor}` : ""}`);
  expect(response?.status()).toBe(200);
  await expect(sidebarEntry(page, listCustomers.summary)).toBeVisible();
  if (operation) await expect(page.getByRole("region", { name: operation.summary })).toBeVisible();
  return response?.headers()["content-security-policy"] ?? "";
}

// Summaries from the operations' definitions: what the document, and so Scalar, shows.
const CREATE_CUSTOMER = { anchor: "tag/customers/POST/customers.json", summary: createCustomer.summary };
const LIST_CUSTOMERS = { anchor: "tag/customers/GET/customers.json", summary: listCustomers.summary };

test.describe("GET /docs/api (Scalar)", () => {
  test("renders every operation in Chromium under the pages' CSP: no console error, no violation, nothing from elsewhere", async ({
    page,
    request,
    baseURL,
  }) => {
    const problems = await watch(page, new URL(baseURL ?? "").origin);
    const policy = await openReference(page);
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'(;|$)/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");

    const document = await fetchOpenApi(request);
    const summaries = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((operation) => (operation as { summary?: string }).summary ?? ""),
    );
    expect(summaries.length).toBeGreaterThanOrEqual(20);
    for (const summary of summaries) await expect(sidebarEntry(page, summary)).toBeVisible();
    await sidebarEntry(page, "Create a customer").click();
    await expect(page.getByRole("region", { name: "Create a customer" })).toBeVisible();
    // Scalar styles itself with <style> elements it creates: each carries the request's nonce.
    expect(await page.locator("style[nonce]").count()).toBeGreaterThan(0);
    expect(await page.locator("style:not([nonce])").count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test("shows an operation's request and response schemas, its errors and examples", async ({
    page,
    baseURL,
  }) => {
    const problems = await watch(page, new URL(baseURL ?? "").origin);
    await openReference(page, CREATE_CUSTOMER);
    const operation = page.getByRole("region", { name: "Create a customer" });
    const body = operation.getByRole("group", { name: "Request Body" });
    await expect(body).toContainText("required");
    for (const field of ["external_id", "email", "company_name", "address"])
      await expect(body.getByRole("listitem").filter({ hasText: field }).first()).toBeVisible();
    await expect(operation.getByRole("group", { name: /^Request Example/ })).toContainText('"crm-4711"');

    const responses = operation.getByRole("list", { name: "Responses" });
    for (const status of ["201", "400", "401", "403", "409", "413", "422"])
      await expect(responses.getByRole("button", { name: new RegExp(`^${status} `) })).toBeVisible();
    await responses.getByRole("button", { name: /^201 The new customer/ }).click();
    for (const field of ["default_payment_method", "properties", "created_at", "updated_at"])
      await expect(responses.getByRole("listitem").filter({ hasText: field }).first()).toBeVisible();

    const examples = operation.getByRole("region", { name: /^Status: 201/ });
    await expect(examples).toContainText('"cus_01JDQ3X5Z4Q8M2N6P7R9S0T1V2"');
    await examples.getByRole("tab", { name: "Status: 422" }).click();
    await expect(examples).toContainText('"field": "address.country"');
    expect(problems).toEqual([]);
  });

  test("try it: GET /customers.json with a read key answers 200 in the page", async ({
    page,
    request,
    baseURL,
  }) => {
    const customer = await postCustomer(request);
    const problems = await watch(page, new URL(baseURL ?? "").origin);
    await openReference(page, LIST_CUSTOMERS);
    const operation = page.getByRole("region", { name: LIST_CUSTOMERS.summary });
    await operation.getByRole("button", { name: /^Test Request/ }).click();
    const client = page.getByRole("dialog");
    await client.getByPlaceholder("Token").fill(keys().readKey);
    const [sent] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === "/customers.json"),
      client.getByRole("button", { name: "Send", exact: false }).first().click(),
    ]);
    expect(sent.request().method()).toBe("GET");
    expect(sent.request().headers().authorization).toBe(`Bearer ${keys().readKey}`);
    expect(sent.status()).toBe(200);
    const list = (await sent.json()) as { object: string; data: { id: string }[] };
    expect(list.object).toBe("list");
    // The page shows what the server answered (newest first: the customer made above, or newer).
    const newest = list.data[0]?.id ?? "";
    expect(newest >= customer.id).toBe(true);
    await expect(client).toContainText("200 OK");
    await expect(client).toContainText(newest);
    expect(problems).toEqual([]);
  });

  test("axe-core: the violations are Scalar's own markup, and no other kind appears", async ({ page }) => {
    await openReference(page, CREATE_CUSTOMER);
    // One operation and the sidebar: the rest repeats the same components (the whole page takes
    // axe minutes here).
    const results = await new AxeBuilder({ page })
      .include(`[id="api-1/${CREATE_CUSTOMER.anchor}"]`)
      .include("aside.t-doc__sidebar")
      .analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => violation.id)
      .sort();
    // Scalar 1.46's own markup (sidebar items with aria-level, icon-only buttons, nested toggles,
    // its palette's greys): nothing on the page is ours but the document's text. A rule not in
    // this list is a new problem.
    const SCALARS_OWN = [
      "aria-allowed-attr",
      "aria-required-children",
      "button-name",
      "color-contrast",
      "nested-interactive",
      "scrollable-region-focusable",
    ];
    test.info().annotations.push({ type: "Scalar's own axe violations", description: serious.join(", ") });
    expect(serious.filter((id) => !SCALARS_OWN.includes(id))).toEqual([]);
  });
});

test.describe("GET /docs/api", () => {
  test("is Scalar's reference of /openapi.json, its bundle served by the app, every script nonced", async ({
    request,
  }) => {
    const response = await request.get("/docs/api");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/html");
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const html = await response.text();
    expect(html).toContain('"url": "/openapi.json"');
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1] ?? "");
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    const bundle = /src="(\/docs\/api\/standalone\.js\?v=[^"]+)"/.exec(html)?.[1];
    expect(bundle, "the bundle is served from this origin").toBeTruthy();
    expect(html).not.toMatch(/https?:\/\//);
    const script = await request.get(bundle ?? "");
    expect(script.status()).toBe(200);
    expect(script.headers()["content-type"]).toContain("javascript");
    expect(await script.text()).toContain("@scalar/api-reference");
  });
});
