import { describe, expect, it } from "vitest";
import { operations } from "./index";

describe("the operations", () => {
  it("declare params for exactly their path's {…} members", () => {
    // apiRoute waits for a route's params only when its operation declares some (lib/api/route.ts).
    for (const operation of operations) {
      const members = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(Object.keys(operation.params?.shape ?? {}), operation.operationId).toEqual(members);
    }
  });
});
