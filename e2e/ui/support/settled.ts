import { expect, type Page } from "@playwright/test";

/** Every panel has finished loading: no "Loading …" status is left on the page. */
export async function settled(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /^Loading / })).toHaveCount(0);
}
