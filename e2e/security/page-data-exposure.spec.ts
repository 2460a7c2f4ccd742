import { type APIRequestContext, expect, test } from "@playwright/test";
import { leaksIn, type Marker } from "./support/leaks";
import {
  createAdminMarkers,
  createMarkerCustomer,
  customerIdMarkers,
  type MarkerCustomer,
} from "./support/markers";
import { PAGE_REQUEST_KINDS, requestPage } from "./support/page-requests";
import { adminSession, newStaffUser, signIn, signOutOverHttp } from "./support/staff";
import { staffPages } from "./support/staff-pages";

// Every staff page, asked for in every way a browser asks, by every visitor who may not see its
// data: the response (status, headers, body, redirects not followed) must hold none of it, in
// any spelling. Signed-out visitors are refused by the proxy before anything renders (empty
// body); a garbage cookie and a cookie copied before sign-out pass the proxy and are refused by
// the pages' data access; viewers and finance users are refused the admin pages and see no
// admin data anywhere.

test.describe.configure({ timeout: 120_000 });

let customer: MarkerCustomer;
let adminMarkers: Marker[];
let removeAdminMarkers: ((request: APIRequestContext) => Promise<void>) | undefined;

test.beforeAll(async ({ request }) => {
  // The first use in a worker makes its admin with the CLI, which takes a while on a busy machine.
  test.setTimeout(120_000);
  customer = await createMarkerCustomer(request);
  const admin = await createAdminMarkers(request);
  adminMarkers = admin.markers;
  removeAdminMarkers = admin.remove;
});

test.afterAll(async ({ request }) => {
  await removeAdminMarkers?.(request);
});

/** The staff pages plus the two ways in that are not a page file of their own: / and a search. */
function pagesToAttack() {
  return [
    ...staffPages({ "/customers/[id]": `/customers/${customer.id}` }),
    { route: "/", url: "/" },
    // A substring of the marker: it finds the customer, yet the URL itself (echoed in a redirect's
    // `from`) never holds a whole marker value.
    { route: "/customers?q=…", url: `/customers?q=${customer.token}` },
  ];
}

/** Markers a response to `url` must not hold: the customer id only when the URL does not name it. */
const customerMarkersFor = (url: string) => [
  ...customer.markers,
  ...(url.includes(customer.id) ? [] : customerIdMarkers(customer.id)),
];

test.describe("staff pages refuse visitors without a valid session", () => {
  test("the attack finds the marker where it is allowed: an admin's search shows the customer", async ({
    request,
  }) => {
    const { cookie } = await adminSession();
    const answer = await requestPage(request, `/customers?q=${customer.token}`, { cookie });
    expect(answer.status).toBe(200);
    expect(leaksIn(answer.body, customer.markers)).not.toEqual([]);
  });

  test("signed out: every page, every request kind is a redirect to sign-in with an empty body", async ({
    request,
  }) => {
    const failures: string[] = [];
    for (const { url } of pagesToAttack()) {
      for (const [kind, headers] of Object.entries(PAGE_REQUEST_KINDS)) {
        const answer = await requestPage(request, url, headers);
        const leaked = leaksIn(answer.everything, [...customerMarkersFor(url), ...adminMarkers]);
        if (answer.status !== 307 || !answer.location.startsWith("/sign-in?from=") || answer.body !== "")
          failures.push(
            `${kind} for ${url}: ${answer.status} → ${answer.location}, ${answer.body.length} body bytes`,
          );
        if (leaked.length > 0) failures.push(`${kind} for ${url} carries ${leaked.join(", ")}`);
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });

  for (const visitor of ["a garbage session cookie", "a session cookie copied before sign-out"] as const) {
    test(`${visitor}: every page, every request kind is refused with no customer or admin data`, async ({
      request,
    }) => {
      let cookie = "authjs.session-token=not-a-real-session";
      if (visitor === "a session cookie copied before sign-out") {
        const session = await signIn(await newStaffUser("admin"));
        await signOutOverHttp(session);
        cookie = session.cookie;
      }
      const failures: string[] = [];
      for (const { url } of pagesToAttack()) {
        for (const [kind, headers] of Object.entries(PAGE_REQUEST_KINDS)) {
          const answer = await requestPage(request, url, { ...headers, cookie });
          const leaked = leaksIn(answer.everything, [...customerMarkersFor(url), ...adminMarkers]);
          if (leaked.length > 0) failures.push(`${kind} for ${url} carries ${leaked.join(", ")}`);
          // A plain request is answered with a redirect to sign-in (an RSC request may carry the
          // redirect in its payload instead).
          if (kind === "a plain request" && (answer.status !== 307 || !answer.location.includes("/sign-in")))
            failures.push(`${kind} for ${url}: ${answer.status} → ${answer.location}`);
        }
      }
      expect(failures, failures.join("\n")).toEqual([]);
    });
  }
});

test.describe("staff pages without admin rights", () => {
  for (const role of ["viewer", "finance"] as const) {
    test(`a ${role}: admin pages are forbidden, and no page carries admin data`, async ({ request }) => {
      const { cookie } = await signIn(await newStaffUser(role));
      const failures: string[] = [];
      for (const { url } of pagesToAttack()) {
        for (const [kind, headers] of Object.entries(PAGE_REQUEST_KINDS)) {
          const answer = await requestPage(request, url, { ...headers, cookie });
          const leaked = leaksIn(answer.everything, adminMarkers);
          if (leaked.length > 0) failures.push(`${kind} for ${url} carries ${leaked.join(", ")}`);
          if (url.startsWith("/admin") && kind === "a plain request" && answer.status !== 403)
            failures.push(`${kind} for ${url}: ${answer.status}, not 403`);
          if (url.startsWith("/admin") && kind === "a plain request" && !answer.body.includes("Not allowed"))
            failures.push(`${kind} for ${url} does not say "Not allowed"`);
        }
      }
      expect(failures, failures.join("\n")).toEqual([]);
    });
  }
});
