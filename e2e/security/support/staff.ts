import { randomUUID } from "node:crypto";
import { type APIResponse, request as playwrightRequest } from "@playwright/test";
import { donutworkDeployed } from "../../support/cli";
import { type Role, signInOverHttp } from "../../ui/support/sessions";
import { DEPLOYED_URL } from "./deployed-server";

// Staff users of the deployed server made for one test, and what the security specs do with
// their sessions. Each worker makes them as an admin of its own, created with the CLI and signed
// in once: sign-in attempts are limited per account, and a worker that restarts after a failed
// test would otherwise sign the shared admin in again and again. No test ends that session.

export interface StaffLogin {
  id: string;
  email: string;
  password: string;
  role: Role;
}

type StorageState = Awaited<ReturnType<typeof signInOverHttp>>;

export const cookieHeaderOf = (state: StorageState) =>
  state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");

let workerAdmin: Promise<SignedIn> | undefined;

/** This worker's admin, signed in: made on first use. */
export function adminSession(): Promise<SignedIn> {
  workerAdmin ??= (async () => {
    const email = `security-admin-${randomUUID().slice(0, 12)}@e2e.donutwork.test`;
    const password = `pw-${randomUUID()}`;
    donutworkDeployed("user", "create", "--email", email, "--password", password, "--role", "admin");
    return signIn({ email, password });
  })();
  return workerAdmin;
}

/** The worker admin's cookie and our Origin: what the admin pages send to the staff API. */
export async function adminHeaders(): Promise<Record<string, string>> {
  return { cookie: (await adminSession()).cookie, origin: DEPLOYED_URL };
}

async function asAdmin<T>(
  send: (api: Awaited<ReturnType<typeof playwrightRequest.newContext>>) => Promise<T>,
) {
  const api = await playwrightRequest.newContext({
    baseURL: DEPLOYED_URL,
    extraHTTPHeaders: await adminHeaders(),
  });
  try {
    return await send(api);
  } finally {
    await api.dispose();
  }
}

/** A new staff user with a unique email, made through the admin API. */
export async function newStaffUser(role: Role, tag = "security"): Promise<StaffLogin> {
  const email = `${tag}-${randomUUID().slice(0, 12)}@e2e.donutwork.test`;
  const password = `pw-${randomUUID()}`;
  const { id } = await asAdmin(async (api) => {
    const response = await api.post("/staff_users.json", { data: { email, password, role } });
    if (response.status() !== 201)
      throw new Error(`creating ${email}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as { id: string };
  });
  return { id, email, password, role };
}

/** PATCH /staff_users/{id}.json as the shared admin. */
export function changeStaffUser(
  id: string,
  change: Record<string, unknown>,
): Promise<{ status: number; body: string }> {
  return asAdmin(async (api) => {
    const response: APIResponse = await api.patch(`/staff_users/${id}.json`, { data: change });
    return { status: response.status(), body: await response.text() };
  });
}

export interface SignedIn {
  state: StorageState;
  /** The session cookie as a Cookie header: what an attacker who copied it would send. */
  cookie: string;
}

/** Signs in over HTTP, through Auth.js's own endpoints. */
export async function signIn(login: { email: string; password: string }): Promise<SignedIn> {
  const state = await signInOverHttp(DEPLOYED_URL, login);
  return { state, cookie: cookieHeaderOf(state) };
}

/** Signs out through Auth.js's own endpoint (CSRF token first), as the browser holding the session would. */
export async function signOutOverHttp(session: SignedIn): Promise<void> {
  const api = await playwrightRequest.newContext({ baseURL: DEPLOYED_URL, storageState: session.state });
  try {
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await api.post("/api/auth/signout", {
      form: { csrfToken, callbackUrl: `${DEPLOYED_URL}/sign-in` },
      maxRedirects: 0,
    });
    if (response.status() !== 302)
      throw new Error(`signing out: ${response.status()} ${await response.text()}`);
    const left = (await api.storageState()).cookies.filter((cookie) => cookie.name.includes("session-token"));
    if (left.some((cookie) => cookie.value !== ""))
      throw new Error("Auth.js did not clear the session cookie");
  } finally {
    await api.dispose();
  }
}
