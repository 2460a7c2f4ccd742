import type { z } from "zod";
import { type FieldError, validationFailed } from "../errors/app-error";
import { BracketClash, bracketName, parseBracketParams } from "./bracket-params";

/**
 * An operation's query string, parsed by its schema after the bracket parameters are nested
 * (lib/validations/bracket-params.ts). Every problem names the parameter as the caller spelled
 * it (`properties[api_quota][gte]`, not a dotted schema path).
 */
export function parseQuery<Schema extends z.ZodType>(
  schema: Schema,
  search: URLSearchParams,
): z.output<Schema> {
  let nested: ReturnType<typeof parseBracketParams>;
  try {
    nested = parseBracketParams(search);
  } catch (error) {
    if (error instanceof BracketClash)
      throw validationFailed([{ field: error.parameter, message: "is given twice in different shapes" }]);
    throw error;
  }
  const parsed = schema.safeParse(nested);
  if (parsed.success) return parsed.data;
  throw validationFailed(
    parsed.error.issues.flatMap((issue): FieldError[] =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({
            field: bracketName([...issue.path, key]),
            message: "is not a known parameter",
          }))
        : [{ field: bracketName(issue.path) || "query", message: issue.message }],
    ),
  );
}
