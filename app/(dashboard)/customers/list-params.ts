import type { CustomerListParams } from "@/lib/queries/customers";
import { BracketClash, formatBracketParams, parseBracketParams } from "@/lib/validations/bracket-params";

/**
 * The list's state lives in the URL, in the API's own parameter names (`risk_level=high`,
 * `properties[tier]=gold`, `sort=mrr&currency=USD`), so a bookmarked or shared view reloads
 * as it was, plus `cursor` (the page being shown) and `trail` (the cursors of the pages before
 * it, so "Previous" works with a cursor API). FIRST_PAGE marks the first page in the trail;
 * base64url cursors never equal it. The API checks the values: a bad one shows its message.
 */
export const FIRST_PAGE = "0";

export interface ListUrlState extends CustomerListParams {
  trail: string[];
}

export type ListFilters = Omit<CustomerListParams, "cursor">;

const TEXT_PARAMETERS = [
  "q",
  "status",
  "risk_level",
  "has_payment_method",
  "card_expiring",
  "country",
  "currency",
  "mrr_gte",
  "mrr_lte",
  "created_gte",
  "created_lte",
  "sort",
  "order",
  "cursor",
] as const;

type Source = Iterable<[string, string]>;

export function readListState(search: Source): ListUrlState {
  let nested: ReturnType<typeof parseBracketParams> = {};
  try {
    nested = parseBracketParams(new URLSearchParams([...search]));
  } catch (error) {
    if (!(error instanceof BracketClash)) throw error;
  }
  const state: Record<string, unknown> = {};
  for (const name of TEXT_PARAMETERS) {
    const value = nested[name];
    if (typeof value === "string" && value.trim() !== "") state[name] = value.trim();
  }
  if (nested.properties && typeof nested.properties === "object" && !Array.isArray(nested.properties))
    state.properties = nested.properties;
  const trail = typeof nested.trail === "string" ? nested.trail.split(".").filter(Boolean) : [];
  return { ...(state as CustomerListParams), trail: state.cursor ? trail : [] };
}

/** The URL of a state; the API's defaults (created, newest first) are left out. */
export function listHref({ trail, ...params }: ListUrlState): string {
  const shown = {
    ...params,
    sort: params.sort === "created" ? undefined : params.sort,
    order: params.order === "desc" || params.order === "newest" ? undefined : params.order,
    trail: params.cursor && trail.length ? trail.join(".") : undefined,
  };
  const query = formatBracketParams(shown);
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

/** What the API is asked for: the state without the trail. */
export const queryParamsOf = ({ trail: _trail, ...params }: ListUrlState): CustomerListParams => params;

/** New filters start again from the first page. */
export const filtered = (filters: ListFilters): ListUrlState => ({ ...filters, trail: [] });

const ascending = (state: ListUrlState) => state.order === "asc" || state.order === "oldest";

/** Flips the creation order and starts again from the first page. */
export const toggledOrder = (state: ListUrlState): ListUrlState => ({
  ...state,
  sort: undefined,
  order:
    state.sort === undefined || state.sort === "created" ? (ascending(state) ? undefined : "asc") : undefined,
  cursor: undefined,
  trail: [],
});

export const isAscending = ascending;

/** Whether anything narrows the list (the empty state says so). */
export const isFiltered = (state: ListUrlState) =>
  Object.entries(queryParamsOf(state)).some(
    ([name, value]) => name !== "sort" && name !== "order" && value !== undefined,
  );
