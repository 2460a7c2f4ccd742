/**
 * What can be said of a webhook URL without resolving it: an absolute http(s) URL without
 * credentials, https and not a localhost name unless private URLs are allowed (local
 * development). Checked at registration and again before every delivery, since the policy may
 * have changed since the endpoint was registered. Null when the URL is acceptable.
 */
export function urlShapeProblem(url: string, { allowPrivate }: { allowPrivate: boolean }): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "must be an absolute URL";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "must be an https URL";
  if (parsed.username || parsed.password) return "must not contain credentials";
  if (allowPrivate) return null;
  if (parsed.protocol !== "https:") return "must be an https URL";
  // RFC 6761: localhost and every name under it are the machine itself, whatever DNS says.
  // A trailing dot (the absolute form of a name) changes nothing.
  if (/(^|\.)localhost$/i.test(hostOf(parsed).replace(/\.$/, "")))
    return "must not point to an internal address: localhost is this machine";
  return null;
}

/** The URL's host as DNS or an address parser wants it: IPv6 literals without their brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}
