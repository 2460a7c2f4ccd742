import { env } from "../env";

/**
 * Where a `from` (or Auth.js callback URL) may send the browser: resolved against APP_URL the way
 * a browser resolves it (tabs and newlines dropped, backslashes read as slashes, `..` applied),
 * kept only when it stays on APP_URL's origin, and then reduced to path, query and fragment.
 * Anything else, including a path that would start with `//` (a protocol-relative URL once it is
 * a Location header), gives `fallback`.
 */
export function safeRedirectTarget(from: unknown, fallback: string, appUrl = env().APP_URL): string {
  if (typeof from !== "string" || from === "") return fallback;
  let target: URL;
  try {
    target = new URL(from, appUrl);
  } catch {
    return fallback;
  }
  if (target.origin !== new URL(appUrl).origin) return fallback;
  if (!target.pathname.startsWith("/") || target.pathname.startsWith("//")) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}

const DEFAULT_AFTER_SIGN_IN = "/customers";

/** Where to go after signing in: a page of this site, never back to sign-in itself or the raw API. */
export function safeRedirectPath(from: unknown, appUrl?: string): string {
  const target = safeRedirectTarget(from, DEFAULT_AFTER_SIGN_IN, appUrl);
  const path = target.split(/[?#]/, 1)[0] ?? "";
  if (path === "/sign-in" || path.startsWith("/sign-in/") || path.startsWith("/api/"))
    return DEFAULT_AFTER_SIGN_IN;
  return target;
}
