import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter";

describe("RateLimiter", () => {
  it("allows a burst, then refuses with the seconds until the next token", () => {
    let now = 0;
    const limiter = new RateLimiter(2, 3, () => now);
    expect([limiter.take("k"), limiter.take("k"), limiter.take("k")]).toEqual([0, 0, 0]);
    expect(limiter.take("k")).toBe(1);
    now += 500; // one token refilled at 2 per second
    expect(limiter.take("k")).toBe(0);
    expect(limiter.take("k")).toBeGreaterThan(0);
  });

  it("keeps callers apart", () => {
    const limiter = new RateLimiter(1, 1, () => 0);
    expect(limiter.take("a")).toBe(0);
    expect(limiter.take("a")).toBe(1);
    expect(limiter.take("b")).toBe(0);
  });

  it("never refills beyond the burst", () => {
    let now = 0;
    const limiter = new RateLimiter(10, 2, () => now);
    now += 60_000;
    expect(
      [limiter.take("k"), limiter.take("k"), limiter.take("k")].filter((wait) => wait === 0),
    ).toHaveLength(2);
  });

  it("rounds slow rates up to whole seconds in Retry-After", () => {
    const limiter = new RateLimiter(1 / 60, 1, () => 0);
    limiter.take("ip");
    expect(limiter.take("ip")).toBe(60);
  });
});
