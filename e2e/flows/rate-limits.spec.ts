import { expect, test } from "@playwright/test";

test.describe("rate limits", () => {
  test("repeated failed authentication from one address gets 429 with Retry-After", async ({ request }) => {
    // A documentation address of its own, so parallel specs' failed attempts do not count here.
    const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const attempt = () =>
      request.get("/customers.json", {
        headers: { authorization: "Bearer dw_guessing", "x-forwarded-for": address },
      });
    const statuses: number[] = [];
    for (let index = 0; index < 61; index++) statuses.push((await attempt()).status());
    expect(statuses.slice(0, 60).every((status) => status === 401)).toBe(true);
    const limited = await attempt();
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).title).toBe("Too many requests");
  });
});
