import { type Role, sessionOf } from "../../ui/support/sessions";
import { DEPLOYED_URL } from "./deployed-server";

/** Headers of a signed-in staff member of the deployed server, as its own pages send them (cookie and Origin). */
export async function staffHeaders(role: Role): Promise<Record<string, string>> {
  const state = await sessionOf(DEPLOYED_URL, role);
  return {
    cookie: state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; "),
    origin: DEPLOYED_URL,
  };
}
