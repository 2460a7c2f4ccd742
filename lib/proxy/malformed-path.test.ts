import { describe, expect, it } from "vitest";
import { isMalformedPath } from "./malformed-path";

describe("isMalformedPath", () => {
  it.each(["/customers/%ED%A0%80.json", "/%FF", "/a/%C0%AF", "/%E0%A4%A", "/%", "/%zz", "/x/%C3"])(
    "%s is malformed",
    (path) => {
      expect(isMalformedPath(path)).toBe(true);
    },
  );

  it.each(["/customers", "/customers/cus_1.json", "/%25", "/caf%C3%A9", "/a%2Fb", "/%F0%9F%8D%A9"])(
    "%s is fine",
    (path) => {
      expect(isMalformedPath(path)).toBe(false);
    },
  );
});
