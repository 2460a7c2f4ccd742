import { invalidRequest } from "./errors";
import { includableField } from "./includable-fields";
import type { Store } from "./store";

// Stripe refuses deeper expansions; so does the emulator, which also bounds the work per request.
const MAX_EXPAND_DEPTH = 4;

/**
 * Applies `expand[]` to a response: each dotted path names an id field, which is replaced by a copy
 * of the object it points to (`latest_invoice.payment_intent` expands both levels). On lists the
 * paths start with `data.`, as in Stripe. Works on a copy; stored objects keep their ids.
 */
export function expandResponse(body: object, paths: string[], store: Store): object {
  if (paths.length === 0) return body;
  const copy = structuredClone(body) as Record<string, unknown>;
  for (const path of paths) {
    const segments = path.split(".");
    if (segments.length > MAX_EXPAND_DEPTH) {
      throw invalidRequest(
        `You cannot expand more than ${MAX_EXPAND_DEPTH} levels of a property. Property: ${path}`,
        {
          param: "expand",
        },
      );
    }
    expandPath(copy, segments, path, store);
  }
  return copy;
}

function expandPath(
  target: Record<string, unknown>,
  segments: string[],
  fullPath: string,
  store: Store,
): void {
  const [field, ...rest] = segments;
  if (field === undefined) return;
  if (target.object === "list" && field === "data" && Array.isArray(target.data)) {
    for (const item of target.data) expandPath(item as Record<string, unknown>, rest, fullPath, store);
    return;
  }
  if (!(field in target)) {
    const included = includableField(target, field);
    if (included === undefined) throw cannotExpand(fullPath);
    target[field] = included;
  }
  let value = target[field];
  if (typeof value === "string") {
    const found = store.findById(value);
    if (!found) throw cannotExpand(fullPath);
    value = structuredClone(found);
    target[field] = value;
  }
  if (rest.length === 0 || value === null || typeof value !== "object") return;
  expandPath(value as Record<string, unknown>, rest, fullPath, store);
}

function cannotExpand(path: string) {
  return invalidRequest(`This property cannot be expanded (${path}).`, { param: "expand" });
}
