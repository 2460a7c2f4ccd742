import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catchUpReviews, dueReviews } from "../../bench/api/review-backlog";
import { seed } from "../../bench/api/seed";
import { databaseUrl } from "../../lib/env";
import { migratedAppDatabase } from "../support/app-environment";

// The benchmark runs the app's review job before it measures, so the app's launcher does not
// refresh due customers in the background during the measurement (bench/api/review-backlog.ts).

const CUSTOMERS = 200;
const DUE = 30;

let database: Awaited<ReturnType<typeof migratedAppDatabase>>;
let client: pg.Client;

beforeAll(async () => {
  database = await migratedAppDatabase("bench_review_backlog");
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await seed(client, CUSTOMERS, () => {});
  // What the revenue_history migration does to customers with risk signals: review them now.
  await client.query(
    `update customer_financials set review_at = now() - interval '1 second'
      where customer_id in (select customer_id from customer_financials order by customer_id limit ${DUE})`,
  );
}, 120_000);

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe("the bench's review catch-up", () => {
  it("counts the customers whose review has come, and leaves none due after the app's review job", async () => {
    expect(await dueReviews(client)).toBe(DUE);
    const lines: string[] = [];
    const urlBefore = databaseUrl();
    await catchUpReviews(database.url, (line) => lines.push(line));
    expect(await dueReviews(client)).toBe(0);
    expect(lines[0]).toBe(
      `${DUE} customers' kept figures are due for review: running the app's review job first`,
    );
    expect(lines.at(-1)).toMatch(new RegExp(`^reviewed ${DUE} customers \\(0 failed\\) in `));
    expect(databaseUrl()).toBe(urlBefore);
  });

  it("does nothing when no review is due", async () => {
    const lines: string[] = [];
    await catchUpReviews(database.url, (line) => lines.push(line));
    expect(lines).toEqual([]);
  });
});
