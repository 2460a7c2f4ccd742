import { type Browser, test as base, expect, type Page } from "@playwright/test";
import { contextAs, type Role } from "./sessions";

const pageFor =
  (role: Role) =>
  async (
    { browser, baseURL }: { browser: Browser; baseURL: string | undefined },
    use: (page: Page) => Promise<void>,
  ) => {
    const context = await contextAs(browser, baseURL ?? "", role);
    await use(await context.newPage());
    await context.close();
  };

/** Pages signed in as each role, made on demand: `async ({ financePage }) => …`. */
export const test = base.extend<{ adminPage: Page; financePage: Page; viewerPage: Page }>({
  adminPage: pageFor("admin"),
  financePage: pageFor("finance"),
  viewerPage: pageFor("viewer"),
});

export { expect };
