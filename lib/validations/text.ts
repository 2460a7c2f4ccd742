import { z } from "zod";

// PostgreSQL cannot store NUL in text or jsonb, and an unpaired UTF-16 surrogate is not text
// at all: both are refused at the edge with a 422 rather than failing in the database.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (value: string) => !value.includes("\0") && !LONE_SURROGATE.test(value);

/** A string of at most `max` characters that PostgreSQL can store as it is. */
export function text(max: number, typeError = "must be a string") {
  return z
    .string({ error: typeError })
    .max(max, `must be at most ${max} characters`)
    .refine(isStorableText, "must not contain NUL characters or unpaired surrogates");
}
