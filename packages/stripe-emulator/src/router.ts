import type { EmulatorContext } from "./context";
import type { Params } from "./params";

export interface EmulatorRequest {
  method: string;
  path: string;
  /** Query string and body, merged and decoded from bracket notation. */
  params: Params;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** A `:name` segment of the matched route. */
  pathParam(name: string): string;
}

/** API routes return the JSON body of a 200; errors are thrown as `StripeApiError`. */
export type ApiHandler = (ctx: EmulatorContext, request: EmulatorRequest) => object;

/** Browser-facing pages answer with HTML, a redirect, or a file made asynchronously (a PDF). */
export type PageResult =
  | { kind: "html"; status: number; html: string }
  | { kind: "redirect"; status: 303; location: string }
  | { kind: "file"; status: number; contentType: string; filename: string; body: Promise<Buffer> };
export type PageHandler = (ctx: EmulatorContext, request: EmulatorRequest) => PageResult;

export type Route =
  | { kind: "api"; method: string; pattern: string; handler: ApiHandler }
  | { kind: "page"; method: string; pattern: string; handler: PageHandler };

export function apiRoute(method: string, pattern: string, handler: ApiHandler): Route {
  return { kind: "api", method, pattern, handler };
}

export function pageRoute(method: string, pattern: string, handler: PageHandler): Route {
  return { kind: "page", method, pattern, handler };
}

export interface RouteMatch {
  route: Route;
  pathParams: Record<string, string>;
}

/** Splits `/v1/customers/:id` into segments once; matching is a segment-by-segment comparison. */
export class Router {
  private readonly compiled: Array<{ route: Route; segments: string[] }>;

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.pattern.split("/") }));
  }

  match(method: string, path: string): RouteMatch | undefined {
    const segments = path.split("/");
    for (const { route, segments: pattern } of this.compiled) {
      if (route.method !== method || pattern.length !== segments.length) continue;
      const pathParams = matchSegments(pattern, segments);
      if (pathParams) return { route, pathParams };
    }
    return undefined;
  }
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  const pathParams: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index] ?? "";
    const actual = segments[index] ?? "";
    if (expected.startsWith(":")) {
      if (actual === "") return undefined;
      pathParams[expected.slice(1)] = decodeURIComponent(actual);
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return pathParams;
}
