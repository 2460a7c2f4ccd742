import type { ZodError } from "zod";
import type { FieldError } from "./app-error";

/** Every problem zod found, one entry per field, with the field as a dotted path (`address.country`). */
export function fieldErrorsOf(error: ZodError, prefix: (string | number)[] = []): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const path = [...prefix, ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part))];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: dotted([...path, key]), message: "is not a known field" }));
    }
    return [{ field: dotted(path) || "body", message: issue.message }];
  });
}

function dotted(path: (string | number)[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    "",
  );
}
