import { describe, expect, it } from "vitest";
import { signInUrl } from "./sign-in-url";

describe("signInUrl", () => {
  it("carries the page and its query, encoded, without Next's _rsc parameter", () => {
    expect(signInUrl("/customers")).toBe("/sign-in?from=%2Fcustomers");
    expect(signInUrl("/customers?q=a b&_rsc=xyz&status=active")).toBe(
      `/sign-in?from=${encodeURIComponent("/customers?q=a+b&status=active")}`,
    );
    expect(signInUrl("/dashboard?_rsc=1")).toBe("/sign-in?from=%2Fdashboard");
  });
});
