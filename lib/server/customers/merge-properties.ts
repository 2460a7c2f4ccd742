import { validationFailed } from "../../errors/app-error";
import { MAX_PROPERTIES, type Property, type PropertyPatch } from "../../validations/properties";

/**
 * The set after a per-key PATCH: named keys take their new value in place (new ones go last),
 * keys given null go, every other key stays as it was. The result keeps the PUT's 50-pair cap.
 */
export function mergeProperties(current: Property[], patch: PropertyPatch): Property[] {
  const merged = new Map(current.map((property) => [property.key, property.value]));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) merged.delete(key);
    else merged.set(key, value);
  }
  if (merged.size > MAX_PROPERTIES) {
    throw validationFailed([
      {
        field: "properties",
        message: `would hold ${merged.size} pairs; a customer has at most ${MAX_PROPERTIES}`,
      },
    ]);
  }
  return [...merged].map(([key, value]) => ({ key, value }));
}
