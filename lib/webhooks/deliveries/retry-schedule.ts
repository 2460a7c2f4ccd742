import { env } from "../../env";

/**
 * When an outgoing webhook is tried again: WEBHOOK_RETRY_DELAY_SECONDS after the first failed
 * attempt, doubling after each (10 s, 20 s, 40 s … about 3.8 days over the default 15 retries),
 * with up to a quarter more at random so that receivers recovering from an outage are not hit
 * by every delivery at the same second. After WEBHOOK_MAX_RETRIES retries the delivery fails.
 */
export function retryDelayMs(failedAttempt: number, random = Math.random()): number {
  const { WEBHOOK_RETRY_DELAY_SECONDS } = env();
  return WEBHOOK_RETRY_DELAY_SECONDS * 1000 * 2 ** Math.min(failedAttempt - 1, 20) * (1 + random / 4);
}

/** Whether attempt number `attempt` (1 is the first) is the last one allowed. */
export function isLastAttempt(attempt: number): boolean {
  return attempt > env().WEBHOOK_MAX_RETRIES;
}
