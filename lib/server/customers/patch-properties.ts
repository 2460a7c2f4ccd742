import type { Property, PropertyPatch } from "../../validations/properties";
import type { Actor } from "../audit/actor";
import { changeCustomer } from "./change-customer";
import { mergeProperties } from "./merge-properties";

/**
 * PATCH …/properties.json: changes only the keys named. changeCustomer locks the customer row
 * before reading the current set, so two integrations writing different keys at once are applied
 * one after the other and neither loses the other's key.
 */
export function patchProperties({ id, patch, actor }: { id: string; patch: PropertyPatch; actor: Actor }) {
  return changeCustomer({
    id,
    actor,
    data: (current) => ({ properties: mergeProperties(current.properties as Property[], patch) }),
  });
}
