import * as api from "@donutwork/api-client";
import { type APIRequestContext, type Browser, expect, type Page } from "@playwright/test";
import { billableCustomer } from "../../billing/billing-support";
import { writeClient } from "../../support/api";
import { expectData } from "../../support/api-typed";
import { credentials } from "../../support/credentials";
import { contextAs, type Role } from "./sessions";

/** The roles that act in the browser; viewers are refused (viewer-refusals.spec.ts). */
export const ACTING_ROLES = ["admin", "finance"] as const satisfies readonly Role[];

export const emailOf = (role: Role) => credentials().users[role].email;

/** The customer's audit trail through the API, newest first. */
export async function auditTrail(request: APIRequestContext, customerId: string) {
  const page = await api.listAuditTrail({
    client: writeClient(request),
    path: { id: customerId },
    query: { limit: 100 },
  });
  return expectData(page, 200).data;
}

/**
 * Waits until the audit trail holds `action` on `entityId` recorded for `role`'s staff user
 * (a change made at Stripe too: its webhook never takes the credit, as
 * tests/billing/subscription-attribution.test.ts proves).
 */
export async function expectAudited(
  request: APIRequestContext,
  customerId: string,
  { action, entityId, role }: { action: string; entityId?: string; role: Role },
) {
  await expect
    .poll(
      async () =>
        (await auditTrail(request, customerId)).some(
          (entry) =>
            entry.action === action &&
            (entityId === undefined || entry.entity_id === entityId) &&
            entry.actor.type === "staff_user" &&
            entry.actor.email === emailOf(role),
        ),
      { message: `audit entry ${action} by ${role}`, timeout: 15_000 },
    )
    .toBe(true);
}

export async function chargesOf(request: APIRequestContext, customerId: string) {
  const page = await api.listCharges({
    client: writeClient(request),
    path: { id: customerId },
    query: { limit: 100 },
  });
  return expectData(page, 200).data;
}

export async function subscriptionsOf(request: APIRequestContext, customerId: string) {
  const page = await api.listSubscriptions({
    client: writeClient(request),
    path: { id: customerId },
    query: { limit: 100 },
  });
  return expectData(page, 200).data;
}

/**
 * Opens the customer's page and waits for the panels' first loads (a minute: with other suites
 * on the same two cores, the page's eight panels took over 20 s).
 */
export async function openCustomer(page: Page, customerId: string) {
  await page.goto(`/customers/${customerId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Loading / })).toHaveCount(0, { timeout: 60_000 });
}

/** A page signed in as `role` (a test per acting role), and how to close it. */
export async function pageAs(browser: Browser, baseURL: string | undefined, role: Role) {
  const context = await contextAs(browser, baseURL ?? "", role);
  return { page: await context.newPage(), close: () => context.close() };
}

/** A new customer with a saved card, and its page open in `role`'s browser. */
export async function billableCustomerPage(
  {
    browser,
    baseURL,
    request,
  }: { browser: Browser; baseURL: string | undefined; request: APIRequestContext },
  role: Role,
) {
  const customer = await billableCustomer(request);
  const { page, close } = await pageAs(browser, baseURL, role);
  await openCustomer(page, customer.id);
  return { customer, page, close };
}
