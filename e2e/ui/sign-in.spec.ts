import { randomUUID } from "node:crypto";
import { credentials } from "../support/credentials";
import { expect, test } from "./support/fixtures";
import { contextAs } from "./support/sessions";

test.describe("sign-in", () => {
  test("a signed-out visit lands on /sign-in, and signing in returns to the page asked for", async ({
    page,
  }) => {
    await page.goto("/customers?q=acme");
    await expect(page).toHaveURL(/\/sign-in\?from=/);
    await expect(page.getByText("Stripe emulator: no real payments")).toBeVisible();
    const { email, password } = credentials().users.finance;
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/customers\?q=acme$/);
    await expect(page.getByTestId("signed-in-user")).toContainText(email);
    await expect(page.getByTestId("signed-in-user")).toContainText("finance");
    await expect(page.getByText("Stripe emulator: no real payments")).toBeVisible();
  });

  test("a wrong password shows a plain error", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(credentials().users.viewer.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is not correct.");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("too many attempts are refused with a rate-limit message", async ({ page }) => {
    const email = `nobody-${randomUUID().slice(0, 8)}@e2e.donutwork.test`;
    await page.goto("/sign-in");
    for (let attempt = 1; attempt <= 11; attempt++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("wrong-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("form").getByRole("alert")).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    await expect(page.locator("form").getByRole("alert")).toHaveText(/Too many sign-in attempts/);
  });

  test("sign-out ends the session", async ({ browser, baseURL }) => {
    // A session of its own: signing out revokes it on the server, and the worker's shared one must live on.
    const context = await contextAs(browser, baseURL ?? "", "finance", { fresh: true });
    const page = await context.newPage();
    await page.goto("/customers");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in\?from=%2Fdashboard/);
    await context.close();
  });
});
