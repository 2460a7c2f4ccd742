import { type APIRequestContext, expect, test } from "@playwright/test";
import { donutworkDeployed } from "../support/cli";
import { queryDeployedDatabase } from "./support/deployed-database";
import { DEPLOYED_URL } from "./support/deployed-server";
import { leaksIn, type Marker } from "./support/leaks";
import { createMarkerCustomer, customerIdMarkers, type MarkerCustomer } from "./support/markers";
import { requestPage } from "./support/page-requests";
import {
  adminHeaders,
  adminSession,
  changeStaffUser,
  newStaffUser,
  type SignedIn,
  type StaffLogin,
  signIn,
  signOutOverHttp,
} from "./support/staff";

// A session cookie someone copied must stop working the moment its session ends: at sign-out,
// when the user is disabled, when their password is changed. A role change applies on the next
// request. "Stops working" means: the API answers 401 with no data, pages redirect to sign-in
// with no data.

test.describe.configure({ timeout: 120_000 });

let customer: MarkerCustomer;
let markers: Marker[];

test.beforeAll(async ({ request }) => {
  // The first use in a worker makes its admin with the CLI, which takes a while on a busy machine.
  test.setTimeout(120_000);
  customer = await createMarkerCustomer(request);
  markers = [...customer.markers, ...customerIdMarkers(customer.id)];
});

/** What a copied cookie can still get: [] when every API call and page refuses it. */
async function whatTheCookieStillGets(request: APIRequestContext, cookie: string): Promise<string[]> {
  const failures: string[] = [];
  for (const path of ["/customers.json", `/customers/${customer.id}.json`, "/staff_users.json"]) {
    const response = await request.get(path, { headers: { cookie }, failOnStatusCode: false });
    const body = await response.text();
    if (response.status() !== 401) failures.push(`GET ${path}: ${response.status()}, not 401`);
    const leaked = leaksIn(body, markers);
    if (leaked.length > 0) failures.push(`GET ${path} carries ${leaked.join(", ")}`);
  }
  for (const url of ["/customers", `/customers?q=${customer.token}`, "/dashboard", "/admin/users"]) {
    const answer = await requestPage(request, url, { cookie });
    if (answer.status !== 307 || !answer.location.startsWith("/sign-in"))
      failures.push(`${url}: ${answer.status} → ${answer.location}, not a redirect to sign-in`);
    const leaked = leaksIn(answer.everything, url.includes(customer.id) ? customer.markers : markers);
    if (leaked.length > 0) failures.push(`${url} carries ${leaked.join(", ")}`);
  }
  return failures;
}

/** Proves the cookie works before the change, so that its refusal afterwards means something. */
async function expectWorking(request: APIRequestContext, session: SignedIn) {
  const response = await request.get(`/customers/${customer.id}.json`, {
    headers: { cookie: session.cookie },
  });
  expect(response.status()).toBe(200);
}

async function twoSessions(login: StaffLogin): Promise<[SignedIn, SignedIn]> {
  return [await signIn(login), await signIn(login)];
}

test.describe("ending a session", () => {
  test("a cookie copied before sign-out (Auth.js's endpoint) is refused everywhere afterwards", async ({
    request,
  }) => {
    const session = await signIn(await newStaffUser("admin"));
    await expectWorking(request, session);
    await signOutOverHttp(session);
    expect(await whatTheCookieStillGets(request, session.cookie)).toEqual([]);
  });

  test("a cookie copied before signing out with the page's button is refused everywhere afterwards", async ({
    browser,
    request,
  }) => {
    const login = await newStaffUser("finance");
    const session = await signIn(login);
    const context = await browser.newContext({ baseURL: DEPLOYED_URL, storageState: session.state });
    const page = await context.newPage();
    await page.goto("/customers");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();
    expect(await whatTheCookieStillGets(request, session.cookie)).toEqual([]);
  });

  test("disabling a user ends all their sessions at once, and they cannot sign in (the usual message)", async ({
    request,
    browser,
  }) => {
    const login = await newStaffUser("finance");
    const sessions = await twoSessions(login);
    for (const session of sessions) await expectWorking(request, session);
    const disabled = await changeStaffUser(login.id, { disabled: true });
    expect(disabled.status, disabled.body).toBe(200);
    expect(JSON.parse(disabled.body)).toMatchObject({ id: login.id, disabled: true });
    for (const session of sessions) expect(await whatTheCookieStillGets(request, session.cookie)).toEqual([]);

    // The sign-in form answers a disabled user exactly as it answers a wrong password.
    const context = await browser.newContext({ baseURL: DEPLOYED_URL });
    const page = await context.newPage();
    const messageFor = async (password: string) => {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(login.email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      return page.locator("form").getByRole("alert").textContent();
    };
    expect(await messageFor(login.password)).toBe("The email or password is not correct.");
    expect(await messageFor("not-the-password")).toBe("The email or password is not correct.");
    await context.close();

    // Enabled again, the user signs in anew; the old cookies stay dead.
    expect((await changeStaffUser(login.id, { disabled: false })).status).toBe(200);
    await expectWorking(request, await signIn(login));
    for (const session of sessions) expect(await whatTheCookieStillGets(request, session.cookie)).toEqual([]);
  });

  test("a new password ends all sessions; only the new password signs in", async ({ request }) => {
    const login = await newStaffUser("viewer");
    const sessions = await twoSessions(login);
    for (const session of sessions) await expectWorking(request, session);
    const password = `pw-new-${login.password}`;
    const changed = await changeStaffUser(login.id, { password });
    expect(changed.status, changed.body).toBe(200);
    expect(changed.body).not.toContain(password);
    for (const session of sessions) expect(await whatTheCookieStillGets(request, session.cookie)).toEqual([]);
    // The new password first: a failure just before it would start the account's back-off.
    await expectWorking(request, await signIn({ email: login.email, password }));
    await expect(signIn(login)).rejects.toThrow(/code=credentials/);
  });

  test("a role change applies on the next request: a demoted admin loses the admin API, pages and writes", async ({
    request,
  }) => {
    const login = await newStaffUser("admin");
    const { cookie } = await signIn(login);
    const asUser = { cookie, origin: DEPLOYED_URL };
    expect((await request.get("/staff_users.json", { headers: asUser })).status()).toBe(200);
    expect((await requestPage(request, "/admin/users", { cookie })).status).toBe(200);

    const demoted = await changeStaffUser(login.id, { role: "viewer" });
    expect(demoted.status, demoted.body).toBe(200);

    const staffList = await request.get("/staff_users.json", { headers: asUser, failOnStatusCode: false });
    expect(staffList.status()).toBe(403);
    expect(await staffList.text()).not.toContain("@e2e.donutwork.test");
    const adminPage = await requestPage(request, "/admin/users", { cookie });
    expect(adminPage.status).toBe(403);
    expect(adminPage.body).toContain("Not allowed");
    const write = await request.patch(`/customers/${customer.id}.json`, {
      headers: asUser,
      data: { company_name: "Renamed by a demoted admin" },
      failOnStatusCode: false,
    });
    expect(write.status()).toBe(403);
    // Reading is still a viewer's right, and the header says who they are now.
    const page = await requestPage(request, "/customers", { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/signed-in-user[\s\S]{0,300}>viewer</);
  });
});

test.describe("the admin page for staff users", () => {
  test("an admin changes a role, sets a new password and disables a user there, each with its effect", async ({
    browser,
    request,
  }) => {
    const target = await newStaffUser("finance");
    const first = await signIn(target);
    await expectWorking(request, first);
    const context = await browser.newContext({
      baseURL: DEPLOYED_URL,
      storageState: (await adminSession()).state,
    });
    const page = await context.newPage();
    await page.goto("/admin/users");
    const row = page.locator("tr").filter({ hasText: target.email });

    await page.getByLabel(`Role of ${target.email}`).selectOption("viewer");
    await expect(page.getByLabel(`Role of ${target.email}`)).toHaveValue("viewer");
    await expect
      .poll(async () => (await request.get("/staff_users.json", { headers: await adminHeaders() })).text())
      .toMatch(new RegExp(`"email":"${target.email}","role":"viewer"`));
    const write = await request.patch(`/customers/${customer.id}.json`, {
      headers: { cookie: first.cookie, origin: DEPLOYED_URL },
      data: { company_name: customer.markers[2]?.value },
      failOnStatusCode: false,
    });
    expect(write.status()).toBe(403);

    const password = `pw-page-${target.password}`;
    await row.getByRole("button", { name: `Set a new password for ${target.email}` }).click();
    await page.getByLabel(`New password for ${target.email}`, { exact: true }).fill(password);
    await page.getByRole("button", { name: "Save password" }).click();
    await expect(page.getByLabel(`New password for ${target.email}`, { exact: true })).toHaveCount(0);
    expect(await whatTheCookieStillGets(request, first.cookie)).toEqual([]);
    const second = await signIn({ email: target.email, password });
    await expectWorking(request, second);

    await row.getByRole("button", { name: `Disable ${target.email}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Disable user" }).click();
    await expect(row).toContainText("disabled");
    await context.close();
    expect(await whatTheCookieStillGets(request, second.cookie)).toEqual([]);
  });
});

test.describe("the operator CLI", () => {
  test("user set-role, disable, enable and set-password take effect on the next request, each audited", async ({
    request,
  }) => {
    const login = await newStaffUser("finance");
    const first = await signIn(login);
    const asUser = { cookie: first.cookie, origin: DEPLOYED_URL };
    const rename = () =>
      request.patch(`/customers/${customer.id}.json`, {
        headers: asUser,
        data: { company_name: customer.markers[2]?.value },
        failOnStatusCode: false,
      });
    expect((await rename()).status()).toBe(200);

    expect(donutworkDeployed("user", "set-role", login.email, "--role", "viewer")).toContain(
      "viewer, enabled",
    );
    expect((await rename()).status()).toBe(403);

    expect(donutworkDeployed("user", "disable", login.id)).toContain("disabled");
    expect(await whatTheCookieStillGets(request, first.cookie)).toEqual([]);
    await expect(signIn(login)).rejects.toThrow(/failed/);

    donutworkDeployed("user", "enable", login.email);
    const second = await signIn(login);
    await expectWorking(request, second);
    const password = `pw-cli-${login.password}`;
    donutworkDeployed("user", "set-password", login.email, "--password", password);
    expect(await whatTheCookieStillGets(request, second.cookie)).toEqual([]);
    await expectWorking(request, await signIn({ email: login.email, password }));

    const audit = await queryDeployedDatabase<{ actor_type: string; before: unknown; after: unknown }>(
      "select actor_type, before, after from audit_records where entity_type = 'staff_user' and entity_id = $1 order by id",
      [login.id],
    );
    expect(audit.map((record) => [record.actor_type, record.after])).toEqual([
      ["system", expect.objectContaining({ role: "viewer", disabled: false, password_changed: false })],
      ["system", expect.objectContaining({ role: "viewer", disabled: true, password_changed: false })],
      ["system", expect.objectContaining({ role: "viewer", disabled: false, password_changed: false })],
      ["system", expect.objectContaining({ role: "viewer", disabled: false, password_changed: true })],
    ]);
    const stored = JSON.stringify(audit);
    expect(stored).not.toContain(password);
    expect(stored).not.toContain(login.password);
    expect(stored).not.toContain("$argon2");
  });
});
