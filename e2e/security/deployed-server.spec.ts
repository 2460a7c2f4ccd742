import { expect, test } from "@playwright/test";
import { bearer } from "../support/api";
import { credentials } from "../support/credentials";

// The server this suite attacks runs as a deployment runs: on DATABASE_URL, not in local mode.
test.describe("the deployed server", () => {
  test("is not in local mode: a webhook endpoint on loopback is refused, naming url", async ({ request }) => {
    const response = await request.post("/webhook_endpoints.json", {
      headers: bearer(credentials().deployed.writeKey),
      data: { url: "http://127.0.0.1:9/hook", enabled_events: ["*"] },
    });
    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual([expect.objectContaining({ field: "url" })]);
  });
});
