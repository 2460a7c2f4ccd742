import { isAllowed, type Principal } from "../../auth/roles";

/**
 * An endpoint URL as `viewer` may see it: whole for those who manage webhook endpoints (write
 * keys, admins), only its origin for everyone else (read keys, finance and viewer staff), since
 * integrators put tokens in the path and query of the URLs they register.
 */
export function visibleEndpointUrl(url: string, viewer: Principal): string {
  if (isAllowed(viewer, "manage")) return url;
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
}
