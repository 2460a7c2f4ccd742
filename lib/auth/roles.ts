export const STAFF_ROLES = ["admin", "finance", "viewer"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * What a request needs:
 * - read: any API key, any staff role;
 * - write: a key with the write scope, or an admin or finance user;
 * - manage: a key with the write scope, or an admin (webhook endpoints, which integrators
 *   register with their keys);
 * - admin: an admin user only (API keys and staff users are never managed with an API key).
 */
export type Permission = "read" | "write" | "manage" | "admin";

export type Principal =
  | { kind: "api_key"; id: string; scopes: ReadonlySet<string> }
  | { kind: "staff"; id: string; email: string; role: StaffRole };

export function isAllowed(principal: Principal, permission: Permission): boolean {
  if (principal.kind === "api_key") {
    if (permission === "admin") return false;
    if (permission === "read") return principal.scopes.has("read") || principal.scopes.has("write");
    return principal.scopes.has("write");
  }
  switch (permission) {
    case "read":
      return true;
    case "write":
      return canWrite(principal.role);
    case "manage":
    case "admin":
      return principal.role === "admin";
  }
}

/** Admins and finance change things; viewers only look. Shared by the server checks and the pages. */
export function canWrite(role: StaffRole | undefined): boolean {
  return role === "admin" || role === "finance";
}
