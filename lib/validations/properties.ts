import { z } from "zod";
import { patchPropertiesExample, replacePropertiesExample } from "./examples";
import { text } from "./text";

export const MAX_PROPERTIES = 50;

// jsonb keeps numbers exactly, but a JavaScript number only round-trips through our stack up
// to 15 significant digits; refuse what we could not give back unchanged (ids belong in strings).
const preciseNumber = z
  .number()
  .refine(
    (value) => Number.isFinite(value) && Number(value.toPrecision(15)) === value,
    "must be a number of at most 15 significant digits",
  );
export const PROPERTY_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;

export const propertySchema = z.strictObject({
  key: z
    .string({ error: "is required" })
    .regex(PROPERTY_KEY_PATTERN, "must be 1–40 characters of A–Z, a–z, 0–9, _ . -"),
  value: z.union([text(500), preciseNumber, z.boolean()], {
    error: "must be a string (at most 500 characters), a number (at most 15 significant digits) or a boolean",
  }),
});

export const replacePropertiesSchema = z
  .strictObject({
    properties: z
      .array(propertySchema, { error: "must be a list of {key, value} pairs" })
      .max(MAX_PROPERTIES, `must hold at most ${MAX_PROPERTIES} pairs`)
      .superRefine((properties, context) => {
        const seen = new Set<string>();
        properties.forEach((property, index) => {
          if (seen.has(property.key)) {
            context.addIssue({
              code: "custom",
              path: [index, "key"],
              message: `duplicates the key "${property.key}"`,
            });
          }
          seen.add(property.key);
        });
      }),
  })
  .meta({ example: replacePropertiesExample });

/** PATCH: the named keys set, those given null removed, every other key left alone. */
export const patchPropertiesSchema = z
  .strictObject({
    properties: z.record(propertySchema.shape.key, propertySchema.shape.value.nullable(), {
      error: "must be an object of key: value pairs (null removes the key)",
    }),
  })
  .meta({ example: patchPropertiesExample });

export type Property = z.infer<typeof propertySchema>;
export type PropertyPatch = z.infer<typeof patchPropertiesSchema>["properties"];
