import { AppError } from "../errors/app-error";
import { problemResponse } from "./problem";
import { publicUrl } from "./public-url";

const ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof ALL_METHODS)[number];

/**
 * Problem-details answers for the methods a route does not serve (Next would send an empty
 * 405). Spread into a route file: `export const { POST, PUT } = otherMethods(["GET", "DELETE"])`.
 */
export function otherMethods(served: readonly Method[]): Record<Method, () => Response> {
  const answer = () =>
    problemResponse(new AppError("method_not_allowed", `This resource supports ${served.join(", ")}.`), {
      allow: served.join(", "),
    });
  return Object.fromEntries(ALL_METHODS.map((method) => [method, answer])) as Record<Method, () => Response>;
}

/** Any path under the API that no route serves. */
export function unknownPath(request: Request): Response {
  const path = publicUrl(request).pathname.replace(/^\/api/, "");
  return problemResponse(new AppError("not_found", `There is no API resource at ${path}; see /docs/api.`));
}
