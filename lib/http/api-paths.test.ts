import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { API_HEADERS, apiRequestOf } from "./api-paths";

describe("apiRequestOf", () => {
  it.each([
    ["/customers.json", "/api/customers"],
    ["/customers.json?limit=5&status=active", "/api/customers?limit=5&status=active"],
    ["/customers.json?", "/api/customers?"],
    ["/customers/cus_1.json", "/api/customers/cus_1"],
    ["/customers/a.b.json", "/api/customers/a.b"],
    ["/customers/x.json.json", "/api/customers/x.json"],
    // A dot segment as the last parameter keeps its `.json`, or URL parsing would remove it.
    ["/customers/..json", "/api/customers/..json"],
    ["/customers/...json", "/api/customers/...json"],
    ["/customers/%2E.json", "/api/customers/%2E.json"],
    ["/customers/%2e%2e.json", "/api/customers/%2e%2e.json"],
    ["/charges/ch_1/..json", "/api/charges/ch_1/..json"],
    ["/customers/caf%C3%A9.json", "/api/customers/caf%C3%A9"],
    ["/customers/%zz.json", "/api/customers/%zz"],
    ["/customers/a%2Fb.json", "/api/customers/a%2Fb"],
    ["/customers/cus_1/properties.json", "/api/customers/cus_1/properties"],
    ["/customers/cus_1/nope.json", "/api/customers/cus_1/nope"],
    ["/metrics.json", "/api/metrics"],
    ["/webhook_endpoints.json", "/api/webhook_endpoints"],
    ["/api_keys/key_1.json", "/api/api_keys/key_1"],
    ["/staff_users/su_1.json", "/api/staff_users/su_1"],
    ["/subscriptions/sub_1.json?at_period_end=true", "/api/subscriptions/sub_1?at_period_end=true"],
    ["/charges/ch_1/refund.json", "/api/charges/ch_1/refund"],
    ["/invoices/in_1.json", "/api/invoices/in_1"],
    ["/customers/cus_1/invoices.json?limit=5", "/api/customers/cus_1/invoices?limit=5"],
    // The CSV export: its own handler folder, so /customers/export.json is a customer id like any other.
    ["/customers.csv?status=active", "/api/customers-csv?status=active"],
    ["/customers/export.json", "/api/customers/export"],
    // Literal parts in any case, as Next's rewrites matched them; a collection keeps its spelling.
    ["/CUSTOMERS.json", "/api/customers"],
    ["/Customers/cus_1.json", "/api/customers/cus_1"],
    ["/METRICS.json", "/api/METRICS"],
    ["/Charges/ch_1/Refund.json", "/api/Charges/ch_1/Refund"],
    // Compared after URL parsing, as Next compares paths.
    ["/x/../customers.json?b=1", "/api/customers?b=1"],
    ["/customers/./cus_1.json", "/api/customers/cus_1"],
  ])("maps %s to %s, with the API's headers", (url, rewriteTo) => {
    expect(apiRequestOf(url)).toEqual({ apiHeaders: true, rewriteTo });
  });

  it.each([
    "/nope.json",
    "/a/b/c/d.json",
    "/customers/a/b/c.json",
    "/customers/.json",
    "/customers/cus_1/.json",
    "/.json",
    "/customers.json.json",
    "/subscriptions.json",
    "/charges/ch_1/refund/x.json",
    "/invoices.json",
    "/invoices/in_1/pay.json",
    "/customers/%2e%2e/x.json",
    "/openapi.json",
    "/pay/token.json",
    "/customers.JSON",
    "/api/customers",
    "/api/customers/cus_1?x=1",
    "/api",
    "/API/customers",
    "/_next/static/chunks/x.json",
  ])("leaves %s where it is, with the API's headers", (url) => {
    expect(apiRequestOf(url)).toEqual({ apiHeaders: true });
  });

  it.each([
    "/customers",
    "/customers/cus_1",
    "/sign-in?from=%2Fcustomers.json",
    "/webhooks/stripe",
    "/docs/api",
    "/",
    // Next answers these with a redirect before any rewrite or header applies.
    "/customers.json/",
    "/api/customers/",
    "//customers.json",
    "/customers//cus_1.json",
    "/customers\\cus_1.json",
    "http://localhost:3000/customers.json",
    "*",
  ])("leaves %s alone", (url) => {
    expect(apiRequestOf(url)).toBeUndefined();
  });
});

describe("API_HEADERS", () => {
  it("are the headers next.config.mjs gives Stripe's webhook", async () => {
    // Imported by URL: the project's type check does not read JavaScript (allowJs is off).
    const config: { default: NextConfig } = await import(
      new URL("../../next.config.mjs", import.meta.url).href
    );
    const rules = (await config.default.headers?.()) ?? [];
    expect(rules.map((rule) => rule.source)).toEqual(["/webhooks/:path*"]);
    expect(rules[0]?.headers.map(({ key, value }) => [key, value])).toEqual(API_HEADERS);
  });
});
