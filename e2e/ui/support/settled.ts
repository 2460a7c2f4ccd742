import { expect, type Page } from "@playwright/test";

/**
 * Every panel has finished loading: no "Loading …" status is left on the page. Reports share a
 * small pool of their own (REPORT_CONNECTIONS), which the fuzz spec may be filling at the same
 * time, so the book's panels get longer than the default expect timeout.
 */
export async function settled(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /^Loading / })).toHaveCount(0, { timeout: 20_000 });
}
