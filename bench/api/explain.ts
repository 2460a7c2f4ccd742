import type pg from "pg";
import { listCustomersStatement } from "../../lib/server/customers/list-customers";
import { parseBracketParams, type QueryObject } from "../../lib/validations/bracket-params";
import { listCustomersQuerySchema } from "../../lib/validations/customer-list-query";
import { COMMON_TERM, RARE_TERM } from "./fake-data";
import { filterScenarios } from "./filter-scenarios";

export interface PlanSummary {
  scenario: string;
  statement: number;
  executionMs: number;
  /** e.g. "Index Scan using customers_pkey", "Bitmap Index Scan on customers_email_trgm_idx", "Seq Scan on customers". */
  access: string[];
  usesIndex: boolean;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the exact SQL the app issues for each list and search, and for
 * each filter, sort and combination of filter-scenarios.ts: the statement comes from
 * lib/server/customers/list-customers.ts's own builder, with its parameters.
 */
export async function explainListQueries(client: pg.Client): Promise<{ text: string; plans: PlanSummary[] }> {
  const deep = await client.query<{ id: string; external_id: string; email: string }>(
    "select id, external_id, email from customers where status in ('active','suspended') order by id desc offset (select count(*) * 9 / 10 from customers) limit 1",
  );
  // Through the route's own schema, so defaults (limit, order, …) are exactly the API's.
  const cursor = Buffer.from(deep.rows[0]?.id ?? "").toString("base64url");
  const base = {};
  const scenarios: [string, QueryObject][] = [
    ["first page", base],
    ["status=suspended", { ...base, status: "suspended" }],
    ["external_id filter", { ...base, external_id: deep.rows[0]?.external_id ?? RARE_TERM }],
    [`q common ("${COMMON_TERM}")`, { ...base, q: COMMON_TERM }],
    [`q rare ("${RARE_TERM}")`, { ...base, q: RARE_TERM }],
    // A whole email pasted into the search: its domain's trigrams are in thousands of rows.
    ["q whole email", { ...base, q: deep.rows[0]?.email ?? RARE_TERM }],
    // The start every seeded external id shares, with 10,000 matches at 1,000,000 customers.
    ['q external-id prefix ("crm-0000")', { ...base, q: "crm-0000" }],
    ['q short ("ab")', { ...base, q: "ab" }],
    ['q short ("x")', { ...base, q: "x" }],
    ["deep cursor page (90% down)", { ...base, cursor }],
    [`q common + deep cursor`, { ...base, q: COMMON_TERM, cursor }],
  ];
  const filters = filterScenarios(new Date()).filter(
    ([, query]) => query !== "" && query !== `q=${COMMON_TERM}`,
  );
  for (const [scenario, query] of filters)
    scenarios.push([scenario, parseBracketParams(new URLSearchParams(query))]);

  let text = "";
  const plans: PlanSummary[] = [];
  for (const [scenario, query] of scenarios) {
    const statements = [listCustomersStatement(listCustomersQuerySchema.parse(query))];
    for (const [index, statement] of statements.entries()) {
      const { rows } = await client.query<{ "QUERY PLAN": string }>(
        `explain (analyze, buffers) ${statement.text}`,
        statement.values,
      );
      const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
      const access = [
        ...plan.matchAll(
          /(Index Only Scan using \S+|Index Scan(?: Backward)? using \S+|Bitmap Index Scan on \S+|Seq Scan on \S+)/g,
        ),
      ].map((match) => match[1] ?? "");
      const executionMs = Number(plan.match(/Execution Time: ([\d.]+)/)?.[1] ?? 0);
      plans.push({
        scenario,
        statement: index + 1,
        executionMs,
        access: access.length > 0 ? [...new Set(access)] : ["no scan (empty by construction)"],
        // No scan at all: the planner proved the result empty (e.g. `id IN (NULL)`).
        usesIndex: !access.some((item) => item.startsWith("Seq Scan")),
      });
      text += `=== ${scenario} — statement ${index + 1} of ${statements.length}\n${statement.text}\n-- params: ${JSON.stringify(statement.values)}\n${plan}\n\n`;
    }
  }
  return { text, plans };
}
