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

async function signInOverHttp(baseURL: string, role: Role): Promise<StorageState> {
  const { email, password } = usersOf(baseURL)[role];
  const context = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: `${baseURL}/customers` },
    maxRedirects: 0,
  });
  const state = await context.storageState();
  await context.dispose();
  if (!state.cookies.some((cookie) => cookie.name.includes("session-token"))) {
    throw new Error(
      `signing in as ${role} failed: ${response.status()} ${response.headers().location ?? ""}`,
    );
  }
  return state;
}

export function sessionOf(baseURL: string, role: Role): Promise<StorageState> {
  const key = `${new URL(baseURL).origin} ${role}`;
  let state = states.get(key);
  if (!state) {
    state = signInOverHttp(baseURL, role);
    states.set(key, state);
  }
  return state;
}

/** A browser context signed in as `role`, with the clipboard usable by the page. */
export async function contextAs(browser: Browser, baseURL: string, role: Role): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    storageState: await sessionOf(baseURL, role),
    permissions: ["clipboard-read", "clipboard-write"],
    viewport: { width: 1440, height: 900 },
  });
}
