import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/**
 * POSTs a body and resolves with the response status. Uses `node:http` without keep-alive (rather
 * than `fetch`) so closing the emulator leaves no pooled sockets holding the process open.
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; signal: AbortSignal },
): Promise<number> {
  const target = new URL(url);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      target,
      {
        method: "POST",
        agent: false,
        // A hard deadline for the whole exchange, not only an idle-socket timeout.
        signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
        headers: {
          ...headers,
          "Content-Type": "application/json; charset=utf-8",
          "Content-Length": String(Buffer.byteLength(body)),
          Connection: "close",
        },
      },
      (response) => {
        response.resume(); // the body is irrelevant; drain it so the socket closes
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}
