import type { WebhookSender } from "../sending/send-webhook";
import { claimDueDeliveries } from "./claim-deliveries";
import { deliverWebhook } from "./deliver-webhook";

const POLL_INTERVAL_MS = 500;

export interface DeliveryWorker {
  /** Look for due deliveries now (the outbox relay just added some), not at the next poll. */
  wake(): void;
  /** Stops claiming, and resolves once the attempts in flight are recorded. */
  stop(): Promise<void>;
}

/**
 * Sends outgoing webhooks, up to `concurrency` at once in this process, each endpoint limited
 * to `perEndpoint` in flight across every instance (claim-deliveries.ts). `concurrency` is more
 * than all endpoints together may hold, so endpoints that never answer cannot take every slot:
 * a healthy endpoint always finds one free. Waiting attempts cost nothing here; each in-flight
 * one is a socket and a promise, not a thread.
 */
export function startDeliveryWorker({
  concurrency,
  perEndpoint,
  send,
  log,
}: {
  concurrency: number;
  perEndpoint: number;
  send: WebhookSender;
  log: (line: string) => void;
}): DeliveryWorker {
  const inFlight = new Set<Promise<void>>();
  let running = true;
  let woken = false;
  let interrupt: (() => void) | undefined;

  const wake = () => {
    woken = true;
    interrupt?.();
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) return resolve();
      const timer = setTimeout(() => interrupt?.(), ms);
      interrupt = () => {
        clearTimeout(timer);
        interrupt = undefined;
        resolve();
      };
    });

  const loop = (async () => {
    while (running) {
      woken = false;
      const free = concurrency - inFlight.size;
      if (free > 0) {
        try {
          for (const claim of await claimDueDeliveries({ limit: free, perEndpoint })) {
            const attempt: Promise<void> = deliverWebhook(claim, send)
              .catch((error: Error) => log(`webhook delivery ${claim.id}: ${error.message}`))
              .finally(() => {
                inFlight.delete(attempt);
                wake();
              });
            inFlight.add(attempt);
          }
        } catch (error) {
          log(`webhook deliveries: ${(error as Error).message}`);
        }
      }
      await pause(POLL_INTERVAL_MS);
    }
    await Promise.allSettled(inFlight);
  })();

  return {
    wake,
    stop: async () => {
      running = false;
      wake();
      await loop;
    },
  };
}
