import { type Client, createClient } from "@donutwork/api-client";

/** One field's problem from a 422, e.g. `{field: "properties[2].key", message: "..."}`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An RFC 9457 problem answered by the API, thrown so TanStack Query sees it as an error. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(detail);
    this.name = "ApiProblem";
  }
}

/**
 * The generated API client (packages/api-client) as the pages use it from the browser: same
 * origin with the staff session cookie, so the browser's Origin header matches and
 * cookie-authenticated writes pass the CSRF check. An answer that is not a success becomes an
 * ApiProblem; a network failure stays the TypeError fetch threw.
 */
const pagesClient: Client = createClient({
  baseUrl: "",
  credentials: "same-origin",
  headers: { accept: "application/json" },
});
pagesClient.interceptors.error.use((error, response) => (response ? problemOf(response, error) : error));

/** What every call of the pages passes to an operation: their client, and problems thrown. */
export const fromPages = { client: pagesClient, throwOnError: true } as const;

/** The body of a successful call (a failed one has thrown already, see fromPages). */
export async function dataOf<T>(call: Promise<{ data: T }>): Promise<T> {
  return (await call).data;
}

/** The pages' call of an internal route the public document leaves out (API keys, staff users). */
export function internalCall<T>(
  url: string,
  init: { method?: "GET" | "POST" | "PATCH" | "DELETE"; body?: unknown } = {},
) {
  return dataOf(
    pagesClient.request<{ 200: T; 201: T }, unknown, true>({
      url,
      method: init.method ?? "GET",
      throwOnError: true,
      ...(init.body !== undefined
        ? { body: init.body, headers: { "content-type": "application/json" } }
        : {}),
    }),
  );
}

function problemOf(response: Response, body: unknown): ApiProblem {
  const isProblem = (response.headers.get("content-type") ?? "").includes("json");
  const problem =
    isProblem && body !== null && typeof body === "object"
      ? (body as Partial<{ title: string; detail: string; errors: FieldProblem[] }>)
      : {};
  return new ApiProblem(
    response.status,
    problem.title ?? response.statusText,
    problem.detail ?? `The server answered ${response.status}.`,
    problem.errors ?? [],
  );
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong.";
}
