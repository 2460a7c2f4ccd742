/** Only same-site paths: a `from` of "//evil.example" or "https://…" would be an open redirect. */
export function safeRedirectPath(from: unknown): string {
  if (typeof from !== "string" || !from.startsWith("/") || from.startsWith("//") || from.startsWith("/\\"))
    return "/customers";
  if (from.startsWith("/sign-in") || from.startsWith("/api/")) return "/customers";
  return from;
}
