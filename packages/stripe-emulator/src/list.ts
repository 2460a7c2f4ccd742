import { invalidParam } from "./errors";
import type { Params } from "./params";

export interface ListObject<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

/**
 * Stripe's cursor pagination over a newest-first array: `limit` (1–100, default 10),
 * `starting_after` (older than that id) and `ending_before` (newer than that id).
 */
export function paginate<T extends { id: string }>(items: T[], params: Params, url: string): ListObject<T> {
  const limit = params.integer("limit", { min: 1 }) ?? 10;
  if (limit > 100) throw invalidParam("limit", "This value must be less than or equal to 100.");
  const startingAfter = params.string("starting_after");
  const endingBefore = params.string("ending_before");

  if (startingAfter) {
    const start = indexOfCursor(items, startingAfter, "starting_after") + 1;
    const page = items.slice(start, start + limit);
    return { object: "list", data: page, has_more: start + limit < items.length, url };
  }
  if (endingBefore) {
    const end = indexOfCursor(items, endingBefore, "ending_before");
    const start = Math.max(0, end - limit);
    return { object: "list", data: items.slice(start, end), has_more: start > 0, url };
  }
  return { object: "list", data: items.slice(0, limit), has_more: items.length > limit, url };
}

function indexOfCursor(items: Array<{ id: string }>, id: string, param: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) throw invalidParam(param, `No such object: '${id}'`);
  return index;
}

/** The `created` filter of list endpoints: `created=123` or `created[gte]=…` (gt, gte, lt, lte). */
export function createdFilter(params: Params): (record: { created: number }) => boolean {
  const range = params.isObject("created") ? params.object("created") : undefined;
  const exact = range ? undefined : params.integer("created");
  const gt = range?.integer("gt");
  const gte = range?.integer("gte");
  const lt = range?.integer("lt");
  const lte = range?.integer("lte");
  return ({ created }) =>
    (exact === undefined || created === exact) &&
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte);
}
