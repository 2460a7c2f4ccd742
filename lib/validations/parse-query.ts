import type { z } from "zod";
import { type FieldError, validationFailed } from "../errors/app-error";
import { BracketClash, bracketName, parseBracketParams } from "./bracket-params";

/**
 * An operation's query string, parsed by its schema after the bracket parameters are nested
 * (bracket-params.ts). Every problem names the parameter as the caller spelled it
 * (`properties[api_quota][gte]`, not a dotted schema path).
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
  throw validationFailed(parsed.error.issues.flatMap((issue) => fieldErrors(issue, [])));
}

const atRoot = (issue: z.core.$ZodIssue) =>
  (issue.code === "invalid_type" || issue.code === "invalid_value") && issue.path.length === 0;

/**
 * One issue as the parameters it names. A union that failed (`properties[key]` is a value or an
 * object of operators) is reported by the branch of the shape the caller sent, so a bad operator
 * is named as `properties[api_quota][between]`, not as the whole `properties[api_quota]`.
 */
function fieldErrors(issue: z.core.$ZodIssue, prefix: PropertyKey[]): FieldError[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === "unrecognized_keys")
    return issue.keys.map((key) => ({
      field: bracketName([...path, key]),
      message: "is not a known parameter",
    }));
  if (issue.code === "invalid_union") {
    const sameShape = issue.errors.find((branch) => !branch.some(atRoot));
    if (sameShape) return sameShape.flatMap((inner) => fieldErrors(inner, path));
  }
  return [{ field: bracketName(path) || "query", message: issue.message }];
}
