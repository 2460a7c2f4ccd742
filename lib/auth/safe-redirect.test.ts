import { describe, expect, it } from "vitest";
import { safeRedirectPath, safeRedirectTarget } from "./safe-redirect";

const APP = "https://billing.example.com";

// Each would leave the site if a browser got it as a Location: tabs and newlines are dropped,
// backslashes read as slashes, `//` starts another host, and other schemes run elsewhere.
const LEAVING = [
  "/\t/evil.example",
  "/\n/evil.example",
  "\t//evil.example",
  "//evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "/.//evil.example",
  "/a/..//evil.example",
  "https://evil.example/",
  "http://billing.example.com/",
  "https://billing.example.com.evil.example/",
  "https://billing.example.com@evil.example/",
  "javascript:alert(1)",
  "data:text/html,hi",
  " //evil.example",
];

describe("safeRedirectPath", () => {
  it.each(LEAVING)("sends %j to /customers", (from) => {
    expect(safeRedirectPath(from, APP)).toBe("/customers");
  });

  it.each([
    ["/customers?q=acme#top", "/customers?q=acme#top"],
    [`${APP}/dashboard`, "/dashboard"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["customers/cus_1", "/customers/cus_1"],
    ["/a/../dashboard", "/dashboard"],
  ])("keeps %j on this site as %j", (from, expected) => {
    expect(safeRedirectPath(from, APP)).toBe(expected);
  });

  it.each([undefined, null, "", 42, "/sign-in", "/sign-in?from=/x", "/api/customers"])(
    "never goes to %j (nothing, sign-in itself, the raw API)",
    (from) => {
      expect(safeRedirectPath(from, APP)).toBe("/customers");
    },
  );
});

describe("safeRedirectTarget", () => {
  it("allows the sign-in page (where sign-out leads) and falls back as told", () => {
    expect(safeRedirectTarget("/sign-in", "/", APP)).toBe("/sign-in");
    expect(safeRedirectTarget("https://evil.example/", "/fallback", APP)).toBe("/fallback");
  });
});
