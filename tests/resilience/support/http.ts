// A small HTTP client on node:http with a fresh connection per request (agent: false), so that a
// connection-level balancer alternates between instances request by request; redirects are not
// followed and every request has a deadline.
import http from "node:http";

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | object;
  timeoutMs?: number;
  /** The local address to connect from (any of 127.0.0.0/8): a client address of its own. */
  localAddress?: string;
}

export function request(url: string, options: RequestOptions = {}): Promise<HttpResponse> {
  const started = Date.now();
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === "string"
        ? options.body
        : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === "content-type"))
    headers["content-type"] = "application/json";
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? "GET", headers, agent: false, localAddress: options.localAddress },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: text,
            ms: Date.now() - started,
          }),
        );
        response.on("error", reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 30_000, () =>
      req.destroy(new Error(`timeout after ${options.timeoutMs ?? 30_000} ms: ${url}`)),
    );
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export const json = <T = Record<string, unknown>>(response: HttpResponse): T =>
  JSON.parse(response.body) as T;

/** An API client for one base URL and key. */
export function apiClient(baseUrl: string, key: string) {
  const auth = { authorization: `Bearer ${key}` };
  return {
    get: (path: string, options: RequestOptions = {}) =>
      request(`${baseUrl}${path}`, { ...options, headers: { ...auth, ...options.headers } }),
    post: (path: string, body: object, options: RequestOptions = {}) =>
      request(`${baseUrl}${path}`, {
        ...options,
        method: "POST",
        body,
        headers: { ...auth, ...options.headers },
      }),
  };
}
