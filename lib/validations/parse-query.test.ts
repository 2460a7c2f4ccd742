import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { formatBracketParams } from "./bracket-params";
import { listCustomersQuerySchema } from "./customer-list-query";
import { parseQuery } from "./parse-query";

const parse = (search: string) => parseQuery(listCustomersQuerySchema, new URLSearchParams(search));

/** The fields a refused query names. */
function refusedFields(search: string): string[] {
  try {
    parse(search);
  } catch (error) {
    if (error instanceof AppError) return (error.options.errors ?? []).map((entry) => entry.field);
    throw error;
  }
  throw new Error(`${search} was accepted`);
}

describe("parseQuery with the customer list's schema", () => {
  it("nests bracket parameters and applies the defaults", () => {
    expect(
      parse("properties[tier]=gold&properties[api_quota][gte]=10&include[]=total_count&order=oldest"),
    ).toEqual({
      limit: 20,
      sort: "created",
      order: "asc",
      include: ["total_count"],
      properties: { tier: "gold", api_quota: { gte: "10" } },
    });
  });

  it("makes a date-only created_lte the end of that UTC day", () => {
    expect(parse("created_lte=2026-11-25").created_lte?.toISOString()).toBe("2026-11-25T23:59:59.999Z");
    expect(parse("created_gte=2026-11-25").created_gte?.toISOString()).toBe("2026-11-25T00:00:00.000Z");
  });

  it.each([
    ["colour=red", ["colour"]],
    ["properties[api_quota][between]=1", ["properties[api_quota][between]"]],
    ["properties[api_quota][gte]=lots", ["properties[api_quota][gte]"]],
    ["properties[tier]=gold&properties[tier][gte]=1", ["properties[tier][gte]"]],
    ["mrr_gte=1&mrr_lte=2", ["mrr_gte", "mrr_lte"]],
    ["sort=mrr", ["sort"]],
    ["include=everything", ["include"]],
  ])("%s names %j", (search, fields) => {
    expect(refusedFields(search)).toEqual(fields);
  });

  it("formats what it parses back into the same parameters", () => {
    const query = {
      q: "acme",
      properties: { tier: "gold", api_quota: { gte: "10", lt: "20" } },
      include: ["total_count"],
    };
    const again = new URLSearchParams(formatBracketParams(query));
    expect([...again.keys()]).toEqual([
      "q",
      "properties[tier]",
      "properties[api_quota][gte]",
      "properties[api_quota][lt]",
      "include[]",
    ]);
    expect(parse(again.toString()).properties).toEqual(query.properties);
  });
});
