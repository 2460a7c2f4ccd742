import { setTimeout as sleep } from "node:timers/promises";
import type { LoopbackClient } from "./loopback-client";

/** How a sign-in through Auth.js's own endpoints ended: signed in, or the `code` it was refused with. */
export type SignInOutcome = "signed_in" | "credentials" | "rate_limited";

/**
 * One sign-in over HTTP as the browser's form would make it: a CSRF token from /api/auth/csrf,
 * then the credentials to /api/auth/callback/credentials, whose redirect says what happened
 * (`?error=CredentialsSignin&code=rate_limited` for a refusal by the limits).
 */
export async function signInAttempt(
  client: LoopbackClient,
  attempt: { email: string; password: string; headers?: Record<string, string> },
): Promise<SignInOutcome> {
  const csrf = await client.send("/api/auth/csrf", { headers: attempt.headers });
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const cookie = cookiesOf(csrf.headers["set-cookie"]);
  const response = await client.send("/api/auth/callback/credentials", {
    method: "POST",
    headers: { ...attempt.headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: attempt.email, password: attempt.password, csrfToken }).toString(),
  });
  if (cookiesOf(response.headers["set-cookie"]).includes("session-token=")) return "signed_in";
  const location = String(response.headers.location ?? "");
  const code = new URL(location, "http://app.invalid").searchParams.get("code");
  if (code === "credentials" || code === "rate_limited") return code;
  throw new Error(`unexpected sign-in answer: ${response.status} ${location}`);
}

function cookiesOf(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return all.map((cookie) => cookie.split(";")[0]).join("; ");
}

/**
 * `count` failed sign-ins to one account, each with new `headers()`. An attempt refused because
 * it came within the account's back-off after the one before is waited out and made again, so
 * that exactly `count` failures are counted.
 */
export async function failSignIns(
  client: LoopbackClient,
  attempt: { email: string; password: string; count: number; headers: () => Record<string, string> },
): Promise<void> {
  for (let failures = 0; failures < attempt.count; ) {
    const outcome = await signInAttempt(client, { ...attempt, headers: attempt.headers() });
    if (outcome === "credentials") failures++;
    else await sleep(500);
  }
}
