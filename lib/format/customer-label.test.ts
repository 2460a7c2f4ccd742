import { describe, expect, test } from "vitest";
import { customerLabel } from "./customer-label";

describe("customerLabel", () => {
  const email = "billing@acme.example";

  test("is the company name when it has something to show", () => {
    expect(customerLabel({ company_name: "Acme GmbH", email })).toBe("Acme GmbH");
    expect(customerLabel({ company_name: "株式会社", email })).toBe("株式会社");
  });

  test.each([
    ["no company name", null],
    ["an empty name", ""],
    ["spaces only", "   "],
    ["zero-width characters only", "\u200b\u200d\ufeff"],
    ["control characters only", "\u0007\u001b"],
  ])("falls back to the email for %s", (_, company_name) => {
    expect(customerLabel({ company_name, email })).toBe(email);
  });
});
