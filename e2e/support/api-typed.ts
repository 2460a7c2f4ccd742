import { type Client, createDonutWorkClient } from "@donutwork/api-client";
import { type APIRequestContext, expect } from "@playwright/test";
import { TEST_PORT } from "../../tests/support/environment";
import { expectProblemBody, type Problem } from "./api-problems";

// The generated client (packages/api-client) as the specs use it: typed calls, sent through
// Playwright's request context, so they show in its traces like the raw requests beside them.

/** The app under test. */
export const appUrl = `http://localhost:${TEST_PORT}`;

// The Fetch API refuses a body for these statuses, even an empty one.
const NO_BODY = new Set([101, 103, 204, 205, 304]);

/** A fetch that sends through Playwright's APIRequestContext and answers a Fetch API Response. */
export function playwrightFetch(request: APIRequestContext): typeof fetch {
  return async (input, init) => {
    const outgoing = new Request(input, init);
    const body = outgoing.body ? Buffer.from(await outgoing.arrayBuffer()) : undefined;
    const response = await request.fetch(outgoing.url, {
      method: outgoing.method,
      headers: Object.fromEntries(outgoing.headers),
      ...(body ? { data: body } : {}),
    });
    return new Response(NO_BODY.has(response.status()) ? null : new Uint8Array(await response.body()), {
      status: response.status(),
      statusText: response.statusText(),
      headers: response.headersArray().map(({ name, value }): [string, string] => [name, value]),
    });
  };
}

/** The generated client, authenticated with `apiKey`, for the app under test. */
export function typedApi(request: APIRequestContext, apiKey: string): Client {
  return createDonutWorkClient({ baseUrl: appUrl, apiKey, fetch: playwrightFetch(request) });
}

/** What every generated operation resolves to (hey-api's result, without throwOnError). */
export interface CallResult<TData> {
  data: TData | undefined;
  error?: unknown;
  response: Response;
}

/** Asserts the call answered `status` and returns its body, typed by the operation's document. */
export function expectData<TData>(result: CallResult<TData>, status: number): TData {
  expect(result.response.status, JSON.stringify(result.error)).toBe(status);
  if (result.data === undefined) throw new Error(`${result.response.url} answered ${status} without a body`);
  return result.data;
}

/**
 * Asserts the call answered an RFC 9457 problem with `status` and returns it; with `fields`, its
 * `errors` name exactly those fields (see expectProblem for raw responses).
 */
export function expectProblemOf(result: CallResult<unknown>, status: number, fields?: string[]): Problem {
  return expectProblemBody(
    result.response.status,
    result.response.headers.get("content-type") ?? "",
    JSON.stringify(result.error),
    status,
    fields,
  );
}
