import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { loopbackClientPerTest, madeUpAddress } from "../support/loopback-client";
import { failSignIns, signInAttempt } from "../support/sign-in-attempt";
import { DEPLOYED_PORT } from "./support/deployed-server";

// Password guessing against the deployed server, which trusts no proxy: every X-Forwarded-For
// (and X-Real-IP) a client sends is its own invention and must not buy it a fresh limit. Each
// test guesses from a loopback address of its own, so its limits touch no other spec's.

const nobody = () => `nobody-${randomUUID().slice(0, 8)}@guess.example`;
const spoofed = () => ({
  "x-forwarded-for": madeUpAddress(),
  "x-real-ip": madeUpAddress().split(",")[0] ?? "",
});

const client = loopbackClientPerTest(DEPLOYED_PORT);

test.describe("sign-in guessing", () => {
  test("one account: after a few failures the next guess is refused, though each claims another address", async () => {
    const email = nobody();
    // Three failures (an attempt refused within the back-off of the one before is waited out),
    // each with made-up forwarding headers: the account now waits 4 s, whoever asks.
    await failSignIns(client(), { email, password: "guess", count: 3, headers: spoofed });
    expect(await signInAttempt(client(), { email, password: "guess", headers: spoofed() })).toBe(
      "rate_limited",
    );
  });

  test("many accounts from one address, a new X-Forwarded-For each: past 20 guesses, refused", async () => {
    const outcomes = [];
    for (let guess = 0; guess < 21; guess++)
      outcomes.push(
        await signInAttempt(client(), { email: nobody(), password: "guess", headers: spoofed() }),
      );
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill("credentials"));
    expect(outcomes[20]).toBe("rate_limited");
  });
});
