import { expect, test } from "@playwright/test";
import { present } from "../../tests/support/present";
import { bearer } from "../support/api";
import { credentials } from "../support/credentials";

test.describe("rate limits", () => {
  test("repeated failed authentication from one address gets 429 with Retry-After", async ({ request }) => {
    // A documentation address of its own, so parallel specs' failed attempts do not count here.
    const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const attempt = () =>
      request.get("/customers.json", {
        headers: { authorization: "Bearer dw_guessing", "x-forwarded-for": address },
      });
    // 60 a minute are allowed (a burst of 60, refilled at one a second); 90 at once must hit the limit.
    const responses = await Promise.all(Array.from({ length: 90 }, attempt));
    const statuses = responses.map((response) => response.status());
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(60);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(20);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    const limited = present(
      responses.find((response) => response.status() === 429),
      "a 429",
    );
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).title).toBe("Too many requests");

    // Once the address is limited, a right key from it is refused like a wrong one, so that
    // the guesser cannot tell a hit from a miss.
    const right = await request.get("/customers.json", {
      headers: { ...bearer(credentials().readKey), "x-forwarded-for": address },
    });
    expect(right.status()).toBe(429);
    expect(await right.text()).not.toContain('"data"');
    // Other addresses are not affected.
    const elsewhere = await request.get("/customers.json", {
      headers: { ...bearer(credentials().readKey), "x-forwarded-for": "198.51.100.254, 203.0.113.254" },
    });
    expect(elsewhere.status()).toBe(200);
  });
});
