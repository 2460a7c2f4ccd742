import Stripe from "stripe";
import type { Clock } from "./clock";
import { newId } from "./ids";
import type { Store } from "./store";
import type { EventObject } from "./types";

export interface RequestOrigin {
  id: string | null;
  idempotency_key: string | null;
}

// Events caused by time passing (renewals, expiries) or by the hosted page have no API request.
const AUTOMATIC: RequestOrigin = { id: null, idempotency_key: null };

/**
 * Records Stripe events: a frozen copy of the object at that moment, attributed to the API request
 * being handled (if any), then handed to the webhook sender.
 */
export class EventRecorder {
  private origin: RequestOrigin = AUTOMATIC;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly webhooksEnabled: boolean,
    private readonly onRecorded: (event: EventObject) => void,
  ) {}

  /** Attributes the events recorded by `work` to an API request. Work is synchronous by design. */
  during<T>(origin: RequestOrigin, work: () => T): T {
    const previous = this.origin;
    this.origin = origin;
    try {
      return work();
    } finally {
      this.origin = previous;
    }
  }

  record(type: string, object: object, previousAttributes?: Record<string, unknown>): EventObject {
    const event: EventObject = {
      id: newId("evt"),
      object: "event",
      api_version: Stripe.API_VERSION,
      created: this.clock.now(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: this.webhooksEnabled ? 1 : 0,
      request: { ...this.origin },
      type,
    };
    if (previousAttributes && Object.keys(previousAttributes).length > 0) {
      event.data.previous_attributes = previousAttributes;
    }
    this.store.events.put(event);
    this.onRecorded(event);
    return event;
  }

  /** An `*.updated` event whose `previous_attributes` holds what changed since `before`. */
  recordUpdate<T extends object>(type: string, before: T, after: T): EventObject | undefined {
    const previous = changedAttributes(before, after);
    if (Object.keys(previous).length === 0) return undefined;
    return this.record(type, after, previous);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Stripe lists only changed keys, recursing into nested objects (`invoice_settings.default_…`). */
export function changedAttributes(before: object, after: object): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  const oldValues = before as Record<string, unknown>;
  const newValues = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(oldValues), ...Object.keys(newValues)])) {
    const oldValue = oldValues[key];
    const newValue = newValues[key];
    if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
    const bothObjects = isPlainObject(oldValue) && isPlainObject(newValue) && !("object" in oldValue);
    previous[key] = bothObjects ? changedAttributes(oldValue, newValue) : (oldValue ?? null);
  }
  return previous;
}
