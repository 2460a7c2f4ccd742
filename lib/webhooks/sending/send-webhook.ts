import { type Dispatcher, request } from "undici";
import { createDeliveryAgent } from "./delivery-agent";
import { privateUrlsAllowed } from "./url-policy";
import { urlShapeProblem } from "./url-shape";

export const DELIVERY_TIMEOUT_MS = 10_000;

export interface SendOutcome {
  /** The receiver's HTTP status; null when there was no answer (refused, network error, timeout). */
  statusCode: number | null;
  error: string | null;
}

export type WebhookSender = (message: {
  url: string;
  body: string;
  headers: Record<string, string>;
}) => Promise<SendOutcome>;

/**
 * Sends one webhook POST through the guarded delivery agent and says what came of it. A
 * redirect is an answer like any other (recorded, not followed: undici's `request` never follows
 * one), so a receiver cannot bounce a delivery onto an internal address. Everything, from the
 * connect to the last byte, must fit in 10 s.
 */
export function createWebhookSender({
  allowPrivate = privateUrlsAllowed(),
  dispatcher = createDeliveryAgent({ allowPrivate }),
}: {
  allowPrivate?: boolean;
  dispatcher?: Dispatcher;
} = {}): WebhookSender {
  return async ({ url, body, headers }) => {
    const shape = urlShapeProblem(url, { allowPrivate });
    if (shape) return { statusCode: null, error: `refused: the URL ${shape}` };
    try {
      const response = await request(url, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "user-agent": "DonutWork-Webhooks/1.0", ...headers },
        dispatcher,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      // Only the status matters; the body is drained (up to a small limit) so the connection can be reused.
      await response.body.dump({ limit: 64 * 1024 }).catch(() => {});
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      return { statusCode: response.statusCode, error: ok ? null : `HTTP ${response.statusCode}` };
    } catch (error) {
      return { statusCode: null, error: describeFailure(error) };
    }
  };
}

function describeFailure(error: unknown): string {
  const { name, message, cause } = error as Error & { cause?: Error };
  if (name === "TimeoutError" || name === "AbortError")
    return `timed out after ${DELIVERY_TIMEOUT_MS / 1000} s`;
  if (name === "ConnectTimeoutError") return `could not connect: ${message}`;
  return cause?.message ? `${message}: ${cause.message}` : message;
}
