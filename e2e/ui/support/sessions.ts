import { type Browser, type BrowserContext, request as playwrightRequest } from "@playwright/test";
import { DEPLOYED_URL } from "../../security/support/deployed-server";
import { credentials } from "../../support/credentials";

export type Role = "admin" | "finance" | "viewer";
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

// Sign-in attempts are rate-limited (per account and per client address, see
// lib/auth/sign-in-rate-limit.ts), so each worker signs each role in once per server, through
// Auth.js's own endpoints, and reuses the session cookie.
const states = new Map<string, Promise<StorageState>>();

/** The logins of the server at `baseURL`: the main test app's, or the deployed server's. */
export function usersOf(baseURL: string) {
  const all = credentials();
  return new URL(baseURL).origin === new URL(DEPLOYED_URL).origin ? all.deployed.users : all.users;
}

/** Signs in through Auth.js's own endpoints (its CSRF token, then the credentials callback). */
export async function signInOverHttp(
  baseURL: string,
  login: { email: string; password: string },
): Promise<StorageState> {
  const context = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { ...login, csrfToken, callbackUrl: `${baseURL}/customers` },
    maxRedirects: 0,
  });
  const state = await context.storageState();
  await context.dispose();
  if (!state.cookies.some((cookie) => cookie.name.includes("session-token"))) {
    throw new Error(
      `signing in as ${login.email} failed: ${response.status()} ${response.headers().location ?? ""}`,
    );
  }
  return state;
}

export function sessionOf(baseURL: string, role: Role): Promise<StorageState> {
  const key = `${new URL(baseURL).origin} ${role}`;
  let state = states.get(key);
  if (!state) {
    state = signInOverHttp(baseURL, usersOf(baseURL)[role]);
    states.set(key, state);
  }
  return state;
}

/**
 * A browser context signed in as `role`, with the clipboard usable by the page. `fresh` signs in
 * anew instead of sharing the worker's session: for a test that ends its session (signing out
 * revokes it on the server, for every holder of the cookie).
 */
export async function contextAs(
  browser: Browser,
  baseURL: string,
  role: Role,
  { fresh = false } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    storageState: fresh
      ? await signInOverHttp(baseURL, usersOf(baseURL)[role])
      : await sessionOf(baseURL, role),
    permissions: ["clipboard-read", "clipboard-write"],
    viewport: { width: 1440, height: 900 },
  });
}
