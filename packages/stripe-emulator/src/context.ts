import type { Clock } from "./clock";
import type { EventRecorder } from "./event-recorder";
import type { Store } from "./store";

/** What every handler and domain function receives: the state, time, and the event log. */
export interface EmulatorContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly events: EventRecorder;
  /** Base URL browsers use for the hosted pages (`${publicUrl}/c/pay/cs_test_…`). */
  readonly publicUrl: string;
  advanceClock(seconds: number): void;
  log(line: string): void;
}
