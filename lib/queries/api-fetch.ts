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
 * Calls the public JSON API from the browser with the staff session cookie. Same origin, so
 * the browser's Origin header matches and cookie-authenticated writes pass the CSRF check.
 */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    credentials: "same-origin",
    headers: {
      accept: "application/json",
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  if (response.ok) return (await response.json()) as T;
  throw await problemOf(response);
}

async function problemOf(response: Response): Promise<ApiProblem> {
  const isProblem = (response.headers.get("content-type") ?? "").includes("json");
  const body = isProblem
    ? ((await response.json().catch(() => ({}))) as Partial<{
        title: string;
        detail: string;
        errors: FieldProblem[];
      }>)
    : {};
  return new ApiProblem(
    response.status,
    body.title ?? response.statusText,
    body.detail ?? `The server answered ${response.status}.`,
    body.errors ?? [],
  );
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong.";
}
