import { describe, expect, test } from "vitest";
import { staleFiles } from "../packages/api-client/scripts/stale-files";
import { documentText } from "./api-client";

// The check behind `npm run api:client -- --check` (run by `npm run check`), on the real
// document and on one whose Customer schema changed without the client being regenerated.
describe("the generated API client's freshness check", () => {
  test("finds nothing stale for the document the app serves", async () => {
    expect(await staleFiles(documentText())).toEqual([]);
  }, 120_000);

  test("names the document and the generated types when a response field is renamed", async () => {
    const document = JSON.parse(documentText());
    const customer = document.components.schemas.Customer;
    customer.properties.company_label = customer.properties.company_name;
    delete customer.properties.company_name;
    customer.required = customer.required.map((name: string) =>
      name === "company_name" ? "company_label" : name,
    );
    const stale = await staleFiles(`${JSON.stringify(document, null, 2)}\n`);
    expect(stale).toEqual(["openapi.json", "src/generated/types.gen.ts"]);
  }, 120_000);
});
