import { createdFilter, paginate } from "./list";
import type { Params } from "./params";
import { apiRoute, type Route } from "./router";
import type { EventObject } from "./types";

/** `type` may end in `*` (`invoice.*`), and `types[]` lists several; both as in Stripe. */
function typeFilter(params: Params): (event: EventObject) => boolean {
  const patterns = [params.string("type"), ...params.stringList("types")].filter(
    (type): type is string => !!type,
  );
  if (patterns.length === 0) return () => true;
  return (event) =>
    patterns.some((pattern) =>
      pattern.endsWith("*") ? event.type.startsWith(pattern.slice(0, -1)) : event.type === pattern,
    );
}

export const eventRoutes: Route[] = [
  apiRoute("GET", "/v1/events/:id", (ctx, request) => ctx.store.events.get(request.pathParam("id"), "id")),
  apiRoute("GET", "/v1/events", (ctx, { params }) => {
    const matchesType = typeFilter(params);
    const created = createdFilter(params);
    const events = ctx.store.events.list((event) => matchesType(event) && created(event));
    return paginate(events, params, "/v1/events");
  }),
];
