import { expect, test } from "@playwright/test";
import { bearer } from "../support/api";
import { credentials } from "../support/credentials";
import { adminSession } from "./support/staff";

// Path segments that are not valid percent-encoded UTF-8: an encoded lone surrogate, bytes that
// start no UTF-8 sequence, a sequence cut short, an overlong encoding, a bare or half escape.
const MALFORMED_SEGMENTS = ["%ED%A0%80", "%FF", "%C0%AF", "%E0%A4%A", "%", "%zz", "%C3", "%F4%90%80%80"];

const API_PATHS = (segment: string) => [
  `/customers/${segment}.json`,
  `/customers/${segment}/metrics.json`,
  `/subscriptions/${segment}.json`,
  `/charges/${segment}/refund.json`,
  `/staff_users/${segment}.json`,
  `/api/customers/${segment}`,
  `/${segment}.json`,
];
const PAGE_PATHS = (segment: string) => [
  `/customers/${segment}`,
  `/${segment}`,
  `/pay/${segment}`,
  `/admin/${segment}`,
];

test.describe("invalid percent-encoding in a path", () => {
  // Dozens of requests per test: room for a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test("an API path is a 400 problem naming the path, never a 500", async ({ request }) => {
    const failures: string[] = [];
    for (const segment of MALFORMED_SEGMENTS) {
      for (const path of API_PATHS(segment)) {
        for (const method of ["GET", "POST", "PATCH", "DELETE"]) {
          const response = await request.fetch(path, {
            method,
            headers: { ...bearer(credentials().deployed.writeKey), "content-type": "application/json" },
            data: method === "GET" || method === "DELETE" ? undefined : "{}",
            failOnStatusCode: false,
          });
          const contentType = response.headers()["content-type"] ?? "";
          const body = await response.text();
          const problem = contentType.startsWith("application/problem+json") ? JSON.parse(body) : null;
          if (
            response.status() !== 400 ||
            problem?.status !== 400 ||
            !problem?.errors?.some((error: { field: string }) => error.field === "path")
          )
            failures.push(`${method} ${path}: ${response.status()} ${contentType} ${body.slice(0, 120)}`);
        }
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });

  test("a page path is the not-found page (404), signed in or not, never a 500", async ({ request }) => {
    const { cookie } = await adminSession();
    const failures: string[] = [];
    for (const segment of MALFORMED_SEGMENTS) {
      for (const path of PAGE_PATHS(segment)) {
        for (const headers of [{}, { cookie }, { cookie, rsc: "1" }] as Record<string, string>[]) {
          const response = await request.get(path, { headers, maxRedirects: 0, failOnStatusCode: false });
          const body = await response.text();
          const html = !("rsc" in headers);
          if (response.status() !== 404 || (html && !/could not be found/i.test(body)))
            failures.push(
              `GET ${path} ${JSON.stringify(Object.keys(headers))}: ${response.status()} ${body.slice(0, 120)}`,
            );
        }
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });

  test("well-formed escapes still reach their routes", async ({ request }) => {
    const response = await request.get(`/customers/${encodeURIComponent("cus_ÄÖ")}.json`, {
      headers: bearer(credentials().deployed.readKey),
    });
    expect(response.status()).toBe(404);
    expect((await response.json()).detail).toContain("cus_ÄÖ");
  });
});
