import { invalidParam } from "./errors";
import { apiRoute, type Route } from "./router";

/**
 * The emulator's notion of now: the wall clock plus an offset that `advanceClock` grows. While due
 * work runs, time is pinned to the moment that work was due, so an invoice for a renewal due at T
 * is created at T even when the clock jumps a year in one call.
 */
export class Clock {
  private pinnedAt: number | undefined;

  constructor(private readonly state: { clockOffsetSeconds: number }) {}

  now(): number {
    return this.pinnedAt ?? Math.floor(Date.now() / 1000) + this.state.clockOffsetSeconds;
  }

  runAt<T>(at: number, work: () => T): T {
    const previous = this.pinnedAt;
    this.pinnedAt = at;
    try {
      return work();
    } finally {
      this.pinnedAt = previous;
    }
  }

  /**
   * A timestamp a caller computed from its own wall clock (e.g. a checkout session's
   * `expires_at`), in emulator time. Like a Stripe test clock, advancing the clock moves the
   * emulator's world, not its callers' clocks, so their "in 24 hours" must move with it.
   */
  fromCallerTime(timestamp: number): number {
    return timestamp + this.state.clockOffsetSeconds;
  }

  moveForward(seconds: number): void {
    this.state.clockOffsetSeconds += seconds;
  }
}

/** Something that becomes due at a moment: a trial end, a renewal, a session expiry. */
export interface DueWork {
  at: number;
  run(): void;
}

/** Each resource family that has timed behaviour reports its earliest due work (or nothing). */
export type DueWorkSource = () => DueWork | undefined;

// A source that never clears its own due work would loop forever; this turns that bug into an error.
const MAX_WORK_PER_RUN = 100_000;

export class Scheduler {
  constructor(
    private readonly clock: Clock,
    private readonly sources: DueWorkSource[],
  ) {}

  /** Runs everything due up to `until`, earliest first; returns how many items ran. */
  runDue(until = this.clock.now()): number {
    let ran = 0;
    for (let next = this.earliest(); next && next.at <= until; next = this.earliest()) {
      if (++ran > MAX_WORK_PER_RUN) throw new Error("stripe-emulator: due work does not converge");
      const work = next;
      this.clock.runAt(work.at, () => work.run());
    }
    return ran;
  }

  /** Moves now forward by `seconds`, running the work that falls due on the way, in time order. */
  advance(seconds: number): number {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw invalidParam("seconds", "seconds must be a non-negative number");
    }
    const ran = this.runDue(this.clock.now() + Math.floor(seconds));
    this.clock.moveForward(Math.floor(seconds));
    return ran;
  }

  private earliest(): DueWork | undefined {
    let earliest: DueWork | undefined;
    for (const source of this.sources) {
      const work = source();
      if (work && (!earliest || work.at < earliest.at)) earliest = work;
    }
    return earliest;
  }
}

export const clockRoutes: Route[] = [
  apiRoute("POST", "/_emulator/advance_clock", (ctx, request) => {
    const seconds = request.params.requiredInteger("seconds", { min: 0 });
    ctx.advanceClock(seconds);
    return { ok: true, now: ctx.clock.now() };
  }),
  apiRoute("GET", "/_emulator/health", (ctx) => ({ ok: true, now: ctx.clock.now() })),
];
