import { expect, test } from "@playwright/test";
import { advanceEmulatorClock } from "../support/stripe-test-helpers";
import { billableCustomer, DECLINING_CARD, metricsOf, subscribe, subscriptionOf } from "./billing-support";

const DAY = 86_400;

// Moving the emulator's clock affects every subscription in it, so these run one after the other.
test.describe.configure({ mode: "serial" });

test.describe("the emulator clock moves past trial ends and renewals", () => {
  test("trialing → active at the trial end, MRR from 0 to the amount; a 0341 renewal goes past_due", async ({
    request,
  }) => {
    const good = await billableCustomer(request);
    const bad = await billableCustomer(request, DECLINING_CARD);
    const trial = await subscribe(request, good.id, { amount: 3000, trial_days: 1 });
    const failing = await subscribe(request, bad.id, { amount: 5000, trial_days: 1 });
    expect(trial.status).toBe("trialing");
    expect(failing.status).toBe("trialing");
    expect((await metricsOf(request, good.id)).mrr).toBe(0);

    await advanceEmulatorClock(request, DAY + 3600);

    await expect
      .poll(async () => (await subscriptionOf(request, trial.id)).status, { timeout: 20_000 })
      .toBe("active");
    expect((await metricsOf(request, good.id)).mrr).toBe(3000);

    await expect
      .poll(async () => (await subscriptionOf(request, failing.id)).status, { timeout: 20_000 })
      .toBe("past_due");
    const metrics = await metricsOf(request, bad.id);
    // past_due still counts toward MRR (as Stripe and ChartMogul count it) and is a risk signal.
    expect(metrics.mrr).toBe(5000);
    expect(metrics.risk.signals.map((signal) => signal.code)).toContain("past_due");
    expect(metrics.risk.level).not.toBe("low");
  });
});
