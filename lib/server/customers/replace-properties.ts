import type { Property } from "../../validations/properties";
import type { Actor } from "../audit/actor";
import { changeCustomer } from "./change-customer";

/** Replaces the customer's whole property set (already validated: a bad set never gets here). */
export function replaceProperties({
  id,
  properties,
  actor,
}: {
  id: string;
  properties: Property[];
  actor: Actor;
}) {
  return changeCustomer({ id, actor, data: () => ({ properties }) });
}
