// Query parameters with brackets, as Stripe and Lago spell them: `properties[tier]=gold`,
// `properties[api_quota][gte]=10000`, `include[]=total_count`. URLSearchParams knows only flat
// names, so this turns them into the nested object the query schemas parse, and back again for
// the pages' own calls (the generated client serialises one level of deepObject only).

export type QueryValue = string | string[] | { [name: string]: QueryValue };
export type QueryObject = { [name: string]: QueryValue };

const BRACKETED = /^([^[\]]+)((?:\[[^[\]]*\])+)$/;

/** Where a parameter's name could not be placed (it clashes with another spelling of it). */
export class BracketClash extends Error {
  constructor(readonly parameter: string) {
    super(`${parameter} clashes with another parameter of the same name`);
  }
}

/** Flat names stay flat (the last one wins, as Object.fromEntries did); `a[]` collects a list. */
export function parseBracketParams(search: URLSearchParams): QueryObject {
  const out: QueryObject = {};
  for (const [name, value] of search) {
    const match = BRACKETED.exec(name);
    if (!match?.[1] || !match[2]) {
      out[name] = value;
      continue;
    }
    const segments = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1] ?? "")];
    place(out, segments, value, name);
  }
  return out;
}

function place(target: QueryObject, segments: string[], value: string, name: string) {
  let node = target;
  for (const [index, segment] of segments.entries()) {
    const next = segments[index + 1];
    const last = index === segments.length - 1;
    if (next === "" && index === segments.length - 2) {
      // `name[]`: a list of the values given.
      const list = node[segment] ?? [];
      if (!Array.isArray(list)) throw new BracketClash(name);
      list.push(value);
      node[segment] = list;
      return;
    }
    if (segment === "") throw new BracketClash(name);
    if (last) {
      if (node[segment] !== undefined && typeof node[segment] !== "string") throw new BracketClash(name);
      node[segment] = value;
      return;
    }
    const child = node[segment] ?? {};
    if (typeof child === "string" || Array.isArray(child)) throw new BracketClash(name);
    node[segment] = child;
    node = child;
  }
}

/** The inverse: `{properties: {api_quota: {gte: "1"}}}` as `properties[api_quota][gte]=1`. */
export function formatBracketParams(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) for (const item of value) search.append(`${name}[]`, String(item));
    else if (typeof value === "object")
      for (const [key, inner] of Object.entries(value)) add(`${name}[${key}]`, inner);
    else search.append(name, String(value));
  };
  for (const [name, value] of Object.entries(query)) add(name, value);
  return search.toString();
}

/** A schema path as the caller spelled the parameter: `["properties", "api_quota", "gte"]` → `properties[api_quota][gte]`. */
export const bracketName = (path: readonly PropertyKey[]): string =>
  path.map((part, index) => (index === 0 ? String(part) : `[${String(part)}]`)).join("");
