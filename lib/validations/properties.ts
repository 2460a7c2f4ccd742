import { z } from "zod";

export const MAX_PROPERTIES = 50;
export const PROPERTY_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;

export const propertySchema = z.strictObject({
  key: z
    .string({ error: "is required" })
    .regex(PROPERTY_KEY_PATTERN, "must be 1–40 characters of A–Z, a–z, 0–9, _ . -"),
  value: z.union(
    [z.string().max(500, "must be at most 500 characters"), z.number().refine(Number.isFinite), z.boolean()],
    {
      error: "must be a string (at most 500 characters), a number or a boolean",
    },
  ),
});

export const replacePropertiesSchema = z.strictObject({
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
});

export type Property = z.infer<typeof propertySchema>;
