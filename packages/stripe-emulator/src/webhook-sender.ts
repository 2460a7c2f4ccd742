import { postJson } from "./http-post";
import type { PendingDelivery } from "./store";
import type { EventObject } from "./types";
import { stripeSignatureHeader } from "./webhook-signature";

export interface WebhookRetryPolicy {
  /** Delay before the second attempt; doubles after each failure. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Attempts per event before it is dropped (Stripe tries for days; an emulator should not). */
  maxAttempts: number;
  /** A receiver that does not answer within this time counts as a failure. */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: WebhookRetryPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxAttempts: 10,
  timeoutMs: 10_000,
};

export interface WebhookSenderOptions {
  url: string;
  secret: string;
  /** The persisted queue (oldest first); the sender mutates it in place. */
  queue: PendingDelivery[];
  findEvent(id: string): EventObject | undefined;
  /** Called after the queue or an event changed, so the caller can persist. */
  onChange(): void;
  log(line: string): void;
  retry: WebhookRetryPolicy;
}

/**
 * Delivers events one at a time in creation order, like a single Stripe endpoint would see them
 * when nothing is failing. A failing event is retried with exponential back-off and holds back
 * the ones behind it, so a receiver never sees a later event before an earlier one.
 */
export class WebhookSender {
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private closed = false;

  constructor(private readonly options: WebhookSenderOptions) {}

  enqueue(event: EventObject): void {
    this.options.queue.push({ eventId: event.id, attempts: 0 });
    this.wake(0);
  }

  /** Resumes deliveries left over from a previous run (the queue lives in the saved state). */
  start(): void {
    this.wake(0);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.abort.abort();
    await this.inFlight;
  }

  private wake(delayMs: number): void {
    if (this.closed || this.inFlight || this.timer || this.options.queue.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.inFlight = this.deliverHead()
        .catch((error: unknown) => {
          this.options.log(`webhook delivery stopped: ${String(error)}`);
          return undefined;
        })
        .then((nextDelayMs) => {
          this.inFlight = undefined;
          if (nextDelayMs !== undefined) this.wake(nextDelayMs);
        });
    }, delayMs);
  }

  /** Tries the oldest event once; resolves with the delay before the next try (none when closed). */
  private async deliverHead(): Promise<number | undefined> {
    const { queue, retry } = this.options;
    const head = queue[0];
    if (!head) return undefined;
    const event = this.options.findEvent(head.eventId);
    const delivered = event ? await this.attempt(event) : true;
    if (this.closed) return undefined;
    head.attempts += 1;
    if (delivered || head.attempts >= retry.maxAttempts) {
      if (!delivered) this.options.log(`webhook ${head.eventId} dropped after ${head.attempts} attempts`);
      queue.shift();
      if (event && delivered) event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
      this.options.onChange();
      return 0;
    }
    this.options.onChange();
    return Math.min(retry.initialDelayMs * 2 ** (head.attempts - 1), retry.maxDelayMs);
  }

  private async attempt(event: EventObject): Promise<boolean> {
    const payload = JSON.stringify(event, null, 2);
    const signature = stripeSignatureHeader(payload, this.options.secret, Math.floor(Date.now() / 1000));
    try {
      const status = await postJson(
        this.options.url,
        payload,
        { "Stripe-Signature": signature, "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" },
        { timeoutMs: this.options.retry.timeoutMs, signal: this.abort.signal },
      );
      if (status >= 200 && status < 300) return true;
      this.options.log(`webhook ${event.type} ${event.id} → HTTP ${status}`);
    } catch (error) {
      if (!this.closed) this.options.log(`webhook ${event.type} ${event.id} failed: ${String(error)}`);
    }
    return false;
  }
}
