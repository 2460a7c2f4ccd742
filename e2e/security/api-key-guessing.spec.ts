import { setTimeout as sleep } from "node:timers/promises";
import { expect, test } from "@playwright/test";
import { bearer } from "../support/api";
import { credentials } from "../support/credentials";
import { loopbackClientPerTest, madeUpAddress } from "../support/loopback-client";
import { DEPLOYED_PORT } from "./support/deployed-server";

// API key guessing against the deployed server (no trusted proxy): the failed-authentication
// limit (60 a minute by default) is per client address, the socket's, whatever forwarding
// headers the guesser sends. From a loopback address of its own, so no other spec is limited.

const client = loopbackClientPerTest(DEPLOYED_PORT);

test.describe("API key guessing", () => {
  test("a spray of wrong keys with a new X-Forwarded-For and X-Real-IP each is limited, and then so is a right key", async () => {
    const guessOnce = (index: number) =>
      client().send("/customers.json", {
        headers: {
          ...bearer(`dw_guess_${index}`),
          "x-forwarded-for": madeUpAddress(),
          "x-real-ip": `192.0.2.${1 + (index % 250)}`,
        },
      });
    // A 503 (every connection busy, on a loaded machine) evaluated nothing; as an attacker
    // would, send that guess again, so that all 90 are answered 401 or 429.
    const guess = async (index: number) => {
      let answer = await guessOnce(index);
      for (let retry = 0; answer.status === 503 && retry < 5; retry++) {
        await sleep(1_000);
        answer = await guessOnce(index);
      }
      return answer;
    };
    // 90 guesses, 15 at a time (what one attacker's machine sends; the limit is per window, so
    // how parallel they are does not change how many get through).
    const answers: Awaited<ReturnType<typeof guess>>[] = [];
    for (let wave = 0; wave < 6; wave++)
      answers.push(
        ...(await Promise.all(Array.from({ length: 15 }, (_, index) => guess(wave * 15 + index)))),
      );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(60);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(30);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    const limited = answers.find((answer) => answer.status === 429);
    expect(Number(limited?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(limited?.text ?? "{}")).toMatchObject({
      type: "/problems/rate-limited",
      status: 429,
      title: "Too many requests",
    });

    // Once limited, a right guess must look exactly like a wrong one: no customer data.
    const right = await client().send("/customers.json", {
      headers: { ...bearer(credentials().deployed.readKey), "x-forwarded-for": madeUpAddress() },
    });
    expect(right.status).toBe(429);
    expect(right.text).not.toContain('"data"');
    expect(JSON.parse(right.text)).toMatchObject({ status: 429, title: "Too many requests" });
  });
});
