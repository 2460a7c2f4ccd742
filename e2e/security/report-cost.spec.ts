import { expect, test } from "@playwright/test";
import { newCustomerBody } from "../../tests/support/customer-body";
import { bearer } from "../support/api";
import { donutworkDeployed, lastLine } from "../support/cli";

// Report endpoints have a cost limit: GET /metrics.json reads the whole book, so one caller may
// run only 2 at once (REPORT_CONCURRENCY_PER_CALLER), and reports run on connections of their
// own, so that a burst of them never leaves other callers without a database connection (nor
// opens the circuit breaker for everyone). Keys of its own, so no other spec shares the limit.

let reportKey: string;
let otherKey: string;
test.beforeAll(() => {
  reportKey = lastLine(donutworkDeployed("api-key", "create", "--name", "report burst", "--scopes", "read"));
  otherKey = lastLine(donutworkDeployed("api-key", "create", "--name", "ordinary", "--scopes", "read,write"));
});

test.describe("report cost limit", () => {
  test("25 parallel GET /metrics.json from one key: the excess gets 429 problems, and another key's reads and writes all succeed meanwhile", async ({
    request,
  }) => {
    // Both keys in use already (looked up once, as a key in use is), so that the burst measures
    // the reports and not the first lookups of two fresh keys.
    expect((await request.get("/customers.json", { headers: bearer(otherKey) })).status()).toBe(200);
    expect((await request.get("/metrics.json", { headers: bearer(reportKey) })).status()).toBe(200);
    const burst = Promise.all(
      Array.from({ length: 25 }, () => request.get("/metrics.json", { headers: bearer(reportKey) })),
    );
    const ordinary = Promise.all([
      ...Array.from({ length: 15 }, () => request.get("/customers.json", { headers: bearer(otherKey) })),
      ...Array.from({ length: 10 }, () =>
        request.post("/customers.json", { headers: bearer(otherKey), data: newCustomerBody() }),
      ),
    ]);
    const [reports, others] = await Promise.all([burst, ordinary]);

    const statuses = reports.map((response) => response.status());
    expect(
      statuses.every((status) => status === 200 || status === 429),
      statuses.join(" "),
    ).toBe(true);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((status) => status === 429).length, statuses.join(" ")).toBeGreaterThanOrEqual(10);
    for (const refused of reports.filter((response) => response.status() === 429)) {
      expect(refused.headers()["content-type"]).toContain("application/problem+json");
      expect(Number(refused.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
      const problem = await refused.json();
      expect(problem).toMatchObject({ type: "/problems/rate-limited", status: 429 });
      expect(problem.detail).toContain("report requests at once");
      expect(problem).not.toHaveProperty("currencies");
    }
    expect(others.map((response) => response.status())).toEqual([
      ...Array(15).fill(200),
      ...Array(10).fill(201),
    ]);
  });
});
