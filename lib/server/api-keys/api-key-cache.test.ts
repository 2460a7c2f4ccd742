import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type CachedApiKey, cachedApiKey, forgetApiKey, rememberApiKey } from "./api-key-cache";

const key = (id: string, scopes = ["read"]): CachedApiKey => ({ id, scopes });

/** A look-up whose answer the test gives when it likes. */
function pendingLookUp() {
  let answer: (key: CachedApiKey | null) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const lookUp = vi.fn(
    () =>
      new Promise<CachedApiKey | null>((resolve, reject) => {
        answer = resolve;
        fail = reject;
      }),
  );
  return {
    lookUp,
    answer: (found: CachedApiKey | null) => answer(found),
    fail: (error: Error) => fail(error),
  };
}

// Lets the look-up's settled promise run its callbacks (no timers involved).
const settled = () => new Promise((resolve) => setImmediate(resolve));

let hash = 0;
const newHash = () => `hash-${++hash}`;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-02T00:00:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("the API key cache", () => {
  it("answers from the cache for 4 s without asking the database", () => {
    const secretHash = newHash();
    const { lookUp } = pendingLookUp();
    rememberApiKey(secretHash, key("key_a"), Date.now());
    vi.advanceTimersByTime(3_999);
    expect(cachedApiKey(secretHash, lookUp)).toEqual(key("key_a"));
    expect(lookUp).not.toHaveBeenCalled();
  });

  it("after 4 s answers at once and asks again in the background, once; the answer replaces the entry", async () => {
    const secretHash = newHash();
    const { lookUp, answer } = pendingLookUp();
    rememberApiKey(secretHash, key("key_a"), Date.now());
    vi.advanceTimersByTime(4_000);
    expect(cachedApiKey(secretHash, lookUp)).toEqual(key("key_a"));
    expect(cachedApiKey(secretHash, lookUp)).toEqual(key("key_a"));
    expect(lookUp).toHaveBeenCalledTimes(1);
    answer(key("key_a", ["read", "write"]));
    await settled();
    // Counted from when the database was asked: good for another 5 s from then.
    vi.advanceTimersByTime(3_999);
    expect(cachedApiKey(secretHash, lookUp)).toEqual(key("key_a", ["read", "write"]));
    expect(lookUp).toHaveBeenCalledTimes(1);
  });

  it("drops a key the background look-up finds revoked or gone", async () => {
    const secretHash = newHash();
    const { lookUp, answer } = pendingLookUp();
    rememberApiKey(secretHash, key("key_b"), Date.now());
    vi.advanceTimersByTime(4_500);
    cachedApiKey(secretHash, lookUp);
    answer(null);
    await settled();
    expect(cachedApiKey(secretHash, lookUp)).toBeUndefined();
  });

  it("does not bring back a key forgotten (revoked here) while it was being looked up", async () => {
    const secretHash = newHash();
    const { lookUp, answer } = pendingLookUp();
    rememberApiKey(secretHash, key("key_c"), Date.now());
    vi.advanceTimersByTime(4_500);
    cachedApiKey(secretHash, lookUp);
    forgetApiKey("key_c");
    answer(key("key_c"));
    await settled();
    expect(cachedApiKey(secretHash, lookUp)).toBeUndefined();
  });

  it("after a failed background look-up the entry runs out at 5 s, asked only once", async () => {
    const secretHash = newHash();
    const { lookUp, fail } = pendingLookUp();
    rememberApiKey(secretHash, key("key_d"), Date.now());
    vi.advanceTimersByTime(4_000);
    cachedApiKey(secretHash, lookUp);
    fail(new Error("connect ECONNREFUSED"));
    await settled();
    vi.advanceTimersByTime(999);
    expect(cachedApiKey(secretHash, lookUp)).toEqual(key("key_d"));
    expect(lookUp).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(cachedApiKey(secretHash, lookUp)).toBeUndefined();
  });

  it("counts an entry's 5 s from when the database was asked, not from when it answered", () => {
    const secretHash = newHash();
    const { lookUp } = pendingLookUp();
    const askedAt = Date.now();
    vi.advanceTimersByTime(2_000);
    rememberApiKey(secretHash, key("key_e"), askedAt);
    vi.advanceTimersByTime(3_000);
    expect(cachedApiKey(secretHash, lookUp)).toBeUndefined();
  });
});
