import { expect, test } from "@playwright/test";
import { DEPLOYED_URL } from "./support/deployed-server";
import { newStaffUser, type StaffLogin, signIn } from "./support/staff";

// `from` after sign-in may only lead to a page of this site. Each variant is what an attacker
// would put in a link (`/sign-in?from=…`); browsers drop tabs and newlines from URLs and read
// backslashes as slashes, so each of these would leave the site if used as it is.
const FROM_VARIANTS = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "/.//evil.example",
  "/a/..//evil.example",
  "/%2F%2Fevil.example",
  "%2F%2Fevil.example",
  "/%09/evil.example",
  "/%5C/evil.example",
  "/%252F%252Fevil.example",
  "https://evil.example/",
  "https:evil.example",
  "http://localhost.evil.example/",
  `${DEPLOYED_URL}@evil.example/`,
  "javascript:alert(document.domain)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " //evil.example",
];

/** Whether `location` (as a browser resolves it against our origin) stays on this site. */
function staysHere(location: string): boolean {
  const target = new URL(location, DEPLOYED_URL);
  return target.origin === new URL(DEPLOYED_URL).origin && !target.pathname.startsWith("//");
}

test.describe("the way back after sign-in", () => {
  // Dozens of requests per test: room for a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test("a signed-in user visiting /sign-in?from=… is sent only to a page of this site", async ({
    request,
  }) => {
    const { cookie } = await signIn(await newStaffUser("viewer"));
    const failures: string[] = [];
    for (const from of FROM_VARIANTS) {
      for (const encoded of [encodeURIComponent(from), encodeURIComponent(encodeURIComponent(from))]) {
        const response = await request.get(`/sign-in?from=${encoded}`, {
          headers: { cookie },
          maxRedirects: 0,
          failOnStatusCode: false,
        });
        const location = response.headers().location ?? "";
        if (response.status() !== 307 || !staysHere(location) || /[\t\n\r\\]/.test(location))
          failures.push(`from=${encoded}: ${response.status()} → ${JSON.stringify(location)}`);
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });

  test("the sign-in form, posted with any `from`, leads only to a page of this site", async ({ browser }) => {
    test.setTimeout(360_000);
    const origin = new URL(DEPLOYED_URL).origin;
    const context = await browser.newContext({ baseURL: DEPLOYED_URL });
    // Anything off this site is answered here, so leaving it shows up as the page's URL.
    await context.route(
      (url) => url.origin !== origin,
      (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<p>left the site</p>" }),
    );
    const page = await context.newPage();
    // Sign-in attempts are limited per account, so the variants share out over a few users.
    let login: StaffLogin | undefined;
    const failures: string[] = [];
    for (const [index, from] of FROM_VARIANTS.entries()) {
      if (index % 6 === 0) login = await newStaffUser("viewer");
      if (!login) throw new Error("no login");
      await context.clearCookies();
      await page.goto("/sign-in");
      // The page would clean a `from` it is given; an attacker's own form posts it as it is.
      await page.locator('input[name="from"]').evaluate((input, value) => {
        (input as HTMLInputElement).value = value;
      }, from);
      await page.getByLabel("Email").fill(login.email);
      await page.getByLabel("Password").fill(login.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      const left = await page
        .waitForURL((url) => url.pathname !== "/sign-in" || url.origin !== origin, { timeout: 20_000 })
        .then(() => true)
        .catch(() => false);
      if (!left) failures.push(`from=${JSON.stringify(from)}: the form never left the sign-in page`);
      else if (!staysHere(page.url())) failures.push(`from=${JSON.stringify(from)} → ${page.url()}`);
    }
    await context.close();
    expect(failures, failures.join("\n")).toEqual([]);
  });
});
