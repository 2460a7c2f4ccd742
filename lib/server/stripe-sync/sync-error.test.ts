import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { syncErrorOf } from "./sync-error";

describe("syncErrorOf", () => {
  it("keeps Stripe's words for what Stripe refused", () => {
    const refused = new Stripe.errors.StripeInvalidRequestError({
      message: "Invalid country: XX",
      type: "invalid_request_error",
    });
    expect(syncErrorOf(refused)).toBe("Invalid country: XX");
  });

  it("never records the text of an API key failure", () => {
    const key = new Stripe.errors.StripeAuthenticationError({
      message: "Invalid API Key provided: sk_live_abcdefgh",
      type: "authentication_error",
    });
    expect(syncErrorOf(key)).toBe("Stripe refused DonutWork's API key.");
  });

  it("records no message from outside Stripe's SDK", () => {
    expect(syncErrorOf(new Error("connect ECONNREFUSED 10.0.0.7:5432 password=hunter2"))).toBe(
      "Stripe could not be reached.",
    );
  });
});
