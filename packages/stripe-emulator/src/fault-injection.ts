import { StripeApiError } from "./errors";
import { apiRoute, type Route } from "./router";

interface FailureRule {
  method: string | null;
  pathPrefix: string;
  remaining: number;
}

/**
 * Test-only faults: the next `count` API requests whose path starts with `path` (and, if given,
 * use `method`) answer 500 api_error, as Stripe does in an outage. This is how the app's tests
 * prove that a webhook handler whose Stripe call fails is retried, not lost. Scoped to a path
 * so that parallel tests touching other objects are unaffected. An outage of unknown length is a
 * large count, ended by `POST /_emulator/clear_failures` for the same path ("Stripe is back").
 */
export class FaultInjector {
  private readonly rules: FailureRule[] = [];

  add(rule: FailureRule): void {
    this.rules.push(rule);
  }

  /** Ends the failures of every rule for paths starting with `pathPrefix`; returns how many had some left. */
  clear(pathPrefix: string): number {
    const cleared = this.rules.filter((rule) => rule.remaining > 0 && rule.pathPrefix.startsWith(pathPrefix));
    for (const rule of cleared) rule.remaining = 0;
    return cleared.length;
  }

  /** Throws the injected failure if a rule matches this request, using one of its failures up. */
  check(method: string, pathname: string): void {
    const rule = this.rules.find(
      (candidate) =>
        candidate.remaining > 0 &&
        pathname.startsWith(candidate.pathPrefix) &&
        (candidate.method === null || candidate.method === method),
    );
    if (!rule) return;
    rule.remaining -= 1;
    throw new StripeApiError(500, {
      type: "api_error",
      message: "An injected failure (emulator fault injection).",
    });
  }
}

export const faultInjectionRoutes = (injector: FaultInjector): Route[] => [
  apiRoute("POST", "/_emulator/inject_failures", (_ctx, request) => {
    const pathPrefix = request.params.requiredString("path");
    const remaining = request.params.requiredInteger("count", { min: 1 });
    const method = request.params.string("method")?.toUpperCase() ?? null;
    injector.add({ method, pathPrefix, remaining });
    return { ok: true };
  }),
  apiRoute("POST", "/_emulator/clear_failures", (_ctx, request) => ({
    ok: true,
    cleared: injector.clear(request.params.requiredString("path")),
  })),
];
