import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { TEST_PORT } from "../../tests/support/environment";
import { loopbackClientPerTest } from "../support/loopback-client";
import { failSignIns, signInAttempt } from "../support/sign-in-attempt";

// The sign-in limits on the main test server, which trusts one proxy (TRUST_PROXY=1): the
// client address is the X-Forwarded-For entry the "balancer" (this spec) wrote. Each test uses
// addresses of its own (TEST-NET-1), so no other spec's sign-ins share its limits.

const nobody = () => `nobody-${randomUUID().slice(0, 8)}@limits.example`;
const random = (below: number) => Math.floor(Math.random() * below);
const clientAddress = () => `192.0.2.${1 + random(254)}`;
const via = (address: string) => ({ "x-forwarded-for": address });

const client = loopbackClientPerTest(TEST_PORT);

test.describe("sign-in limits", () => {
  test("per account, across client addresses: after failures the account waits, whoever tries next", async () => {
    const email = nobody();
    // Three failures, each from a new client address (a refusal, when an attempt came within
    // the back-off of the one before, is waited out): the account now waits 4 s.
    await failSignIns(client(), { email, password: "wrong", count: 3, headers: () => via(clientAddress()) });
    expect(await signInAttempt(client(), { email, password: "wrong", headers: via(clientAddress()) })).toBe(
      "rate_limited",
    );
  });

  test("per client address, across accounts: the 21st failed sign-in in 15 minutes is refused", async () => {
    const address = `198.18.${random(256)}.${1 + random(254)}`;
    const outcomes = [];
    for (let attempt = 0; attempt < 21; attempt++)
      outcomes.push(
        await signInAttempt(client(), { email: nobody(), password: "wrong", headers: via(address) }),
      );
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill("credentials"));
    expect(outcomes[20]).toBe("rate_limited");
    // Another client address signs in to another account as usual.
    expect(
      await signInAttempt(client(), { email: nobody(), password: "wrong", headers: via(clientAddress()) }),
    ).toBe("credentials");
  });
});
