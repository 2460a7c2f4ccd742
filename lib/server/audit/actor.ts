import type { Principal } from "../../auth/roles";

/** Who made a change, as recorded in the audit trail. */
export type Actor =
  | { type: "api_key"; id: string }
  | { type: "staff_user"; id: string }
  | { type: "system"; id: null }
  | { type: "stripe"; id: string };

export const SYSTEM_ACTOR: Actor = { type: "system", id: null };

export function actorOf(principal: Principal): Actor {
  return principal.kind === "api_key"
    ? { type: "api_key", id: principal.id }
    : { type: "staff_user", id: principal.id };
}
