/**
 * The sign-in page with the way back to `from` (a path and query of this site). Shared by the
 * proxy's early gate and the data-access layer's redirect, so both send the visitor to the same
 * place. `_rsc` (Next's cache-busting parameter of RSC fetches) is not part of the page's address.
 */
export function signInUrl(from: string): string {
  const [path = "/", query = ""] = from.split(/\?(.*)/s, 2);
  const params = new URLSearchParams(query);
  params.delete("_rsc");
  const search = params.toString();
  return `/sign-in?from=${encodeURIComponent(search ? `${path}?${search}` : path)}`;
}
