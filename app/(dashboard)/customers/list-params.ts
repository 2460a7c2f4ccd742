import type { CustomerListParams } from "@/lib/queries/customers";
import { customerStatusSchema } from "@/lib/validations/customer";

/**
 * The list's state lives in the URL: `q`, `status`, `order`, `cursor` (the page being shown) and
 * `trail` (the cursors of the pages before it, so "Previous" works with a cursor API).
 * FIRST_PAGE marks the first page in the trail; base64url cursors never equal it.
 */
export const FIRST_PAGE = "0";

export interface ListUrlState extends CustomerListParams {
  trail: string[];
}

type Source = { get(name: string): string | null };

export function readListState(search: Source): ListUrlState {
  const status = customerStatusSchema.safeParse(search.get("status"));
  const q = search.get("q")?.trim();
  const cursor = search.get("cursor") ?? undefined;
  const trail = search.get("trail")?.split(".").filter(Boolean) ?? [];
  return {
    q: q || undefined,
    status: status.success ? status.data : undefined,
    order: search.get("order") === "oldest" ? "oldest" : undefined,
    cursor,
    trail: cursor ? trail : [],
  };
}

export function listHref(state: ListUrlState): string {
  const search = new URLSearchParams();
  if (state.q) search.set("q", state.q);
  if (state.status) search.set("status", state.status);
  if (state.order === "oldest") search.set("order", "oldest");
  if (state.cursor) {
    search.set("cursor", state.cursor);
    if (state.trail.length) search.set("trail", state.trail.join("."));
  }
  const query = search.toString();
  return query ? `/customers?${query}` : "/customers";
}

export const nextPage = (state: ListUrlState, nextCursor: string): ListUrlState => ({
  ...state,
  cursor: nextCursor,
  trail: [...state.trail, state.cursor ?? FIRST_PAGE],
});

export function previousPage(state: ListUrlState): ListUrlState {
  const previous = state.trail.at(-1);
  return {
    ...state,
    cursor: previous && previous !== FIRST_PAGE ? previous : undefined,
    trail: state.trail.slice(0, -1),
  };
}

export const queryParamsOf = ({ q, status, cursor, order }: ListUrlState): CustomerListParams => ({
  q,
  status,
  cursor,
  order,
});

/** Flips the creation order and starts again from the first page. */
export const toggledOrder = (state: ListUrlState): ListUrlState => ({
  ...state,
  order: state.order === "oldest" ? undefined : "oldest",
  cursor: undefined,
  trail: [],
});
