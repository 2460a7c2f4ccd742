import { describe, expect, it } from "vitest";
import { mrrSeriesQuerySchema } from "./revenue-query";

const problemPaths = (query: Record<string, string>) => {
  const result = mrrSeriesQuerySchema.safeParse(query);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};

describe("mrrSeriesQuerySchema", () => {
  it("names a date that is not a real one, and checks no range of it", () => {
    // These threw from the range checks (RangeError: Invalid time value), a 500 for the caller.
    expect(problemPaths({ from: "2026-02-30" })).toEqual(["from"]);
    expect(problemPaths({ to: "yesterday" })).toEqual(["to"]);
    expect(problemPaths({ from: "2026-01-01", to: "2026-13-01", interval: "day" })).toEqual(["to"]);
  });

  it("names from when it is after to, and interval when the range has too many points", () => {
    expect(problemPaths({ from: "2026-05-01", to: "2026-04-01" })).toEqual(["from"]);
    expect(problemPaths({ interval: "day", from: "2020-01-01", to: "2026-01-01" })).toEqual(["interval"]);
  });
});
