import { readFileSync } from "node:fs";
import path from "node:path";
import { TEST_DATA_DIR } from "../../playwright.config";

/** The secrets the test app generated in its data dir (local mode), e.g. the Stripe webhook secret. */
export function testAppSecrets(): { stripeWebhookSecret: string; postgresPassword: string } {
  return JSON.parse(readFileSync(path.join(TEST_DATA_DIR, "secrets.json"), "utf8"));
}
