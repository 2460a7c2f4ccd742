import { readdirSync } from "node:fs";
import path from "node:path";

const DASHBOARD = path.resolve("app/(dashboard)");

/**
 * Every staff page, read from app/(dashboard)/**\/page.tsx, so that a page added later is
 * attacked without touching the specs. Route groups vanish from the URL; a dynamic segment takes
 * its value from `values` (keyed by the route as written, e.g. "/customers/[id]"), and a route
 * with no value given fails loudly instead of being skipped.
 */
export function staffPages(values: Record<string, string>): { route: string; url: string }[] {
  const routes = readdirSync(DASHBOARD, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .map((file) => {
      const segments = path
        .dirname(file)
        .split(path.sep)
        .filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment));
      return `/${segments.join("/")}`;
    });
  return routes.sort().map((route) => {
    if (!route.includes("[")) return { route, url: route };
    const url = values[route];
    if (!url) throw new Error(`no URL given for the staff page ${route}: add one to the security specs`);
    return { route, url };
  });
}
