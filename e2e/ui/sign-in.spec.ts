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

  test("wrong passwords in a row make the account wait, and the form says so plainly", async ({ page }) => {
    test.setTimeout(90_000); // up to six sign-ins through the form, each an argon2 check
    const email = `nobody-${randomUUID().slice(0, 8)}@e2e.donutwork.test`;
    // A client address of its own (the test server trusts one proxy), so that these failures
    // count against no other spec's sign-ins from this machine.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `192.0.2.${1 + Math.floor(Math.random() * 254)}` });
    await page.goto("/sign-in");
    const alert = page.locator("form").getByRole("alert");
    const messages: string[] = [];
    // The back-off after the n-th failure is 2^(n-1) s, so within a few attempts the next one
    // comes within it, however slowly a loaded machine fills in the form.
    for (let attempt = 1; attempt <= 6 && !messages.at(-1)?.startsWith("Too many"); attempt++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong-password-${attempt}`);
      const answered = page.waitForResponse((response) => response.request().method() === "POST");
      await page.getByRole("button", { name: "Sign in" }).click();
      await answered;
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
      messages.push((await alert.textContent()) ?? "");
    }
    expect(messages[0]).toBe("The email or password is not correct.");
    expect(messages.at(-1)).toBe("Too many sign-in attempts. Wait 15 minutes and try again.");
    await expect(page).toHaveURL(/\/sign-in/);
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
