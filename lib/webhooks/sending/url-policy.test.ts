import { afterEach, describe, expect, it, vi } from "vitest";

// Which installs may send webhooks to http and internal addresses (local development only):
// decided by WEBHOOK_ALLOW_PRIVATE_URLS when set, else by whether the Stripe emulator is in use.
// Checked through the registration check, with the environment lib/env.ts would read.

const REQUIRED = {
  DATABASE_URL: "postgres://127.0.0.1/unused",
  APP_URL: "http://localhost:3999",
  AUTH_SECRET: "a".repeat(32),
  STRIPE_WEBHOOK_SECRET: "whsec_test",
  ENCRYPTION_KEY: "b".repeat(32),
};

async function registrationProblem(variables: Record<string, string>, url: string) {
  vi.resetModules();
  for (const [name, value] of Object.entries({ ...REQUIRED, ...variables })) vi.stubEnv(name, value);
  const { endpointUrlProblem } = await import("../endpoints/endpoint-url");
  return endpointUrlProblem(url);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("private webhook URLs", () => {
  it("are allowed while the Stripe emulator is in use and nothing says otherwise", async () => {
    expect(await registrationProblem({}, "http://127.0.0.1:9/hook")).toBeNull();
  });

  it("are refused beside a real Stripe key, also in local mode (the embedded database)", async () => {
    // DONUTWORK_LOCAL_MODE is what earlier versions exported without DATABASE_URL; it lifted the check.
    const problem = await registrationProblem(
      { STRIPE_SECRET_KEY: "sk_live_123", DONUTWORK_LOCAL_MODE: "1" },
      "https://127.0.0.1:9/hook",
    );
    expect(problem).toBe("must not point to an internal address: 127.0.0.1 is a loopback address");
    expect(
      await registrationProblem(
        { STRIPE_SECRET_KEY: "sk_live_123", DONUTWORK_LOCAL_MODE: "1" },
        "http://hooks.example/x",
      ),
    ).toBe("must be an https URL");
  });

  it("are refused with the emulator when WEBHOOK_ALLOW_PRIVATE_URLS=false, allowed beside a real key when true", async () => {
    expect(await registrationProblem({ WEBHOOK_ALLOW_PRIVATE_URLS: "false" }, "https://[::1]:9/hook")).toBe(
      "must not point to an internal address: ::1 is a loopback address",
    );
    expect(
      await registrationProblem(
        { STRIPE_SECRET_KEY: "sk_live_123", WEBHOOK_ALLOW_PRIVATE_URLS: "true" },
        "http://127.0.0.1:9/hook",
      ),
    ).toBeNull();
  });
});
