import { describe, expect, it, vi } from "vitest";

describe("database circuit breaker", () => {
  it("opens on a failure, answers 503 at once, lets one probe through, and closes on its success", async () => {
    vi.useFakeTimers();
    const circuit = await import("./database-circuit");
    const first = circuit.admitDatabaseWork();
    expect(first).toEqual({ probe: false });
    circuit.databaseFailed(first);

    expect(() => circuit.admitDatabaseWork()).toThrow(/unavailable/);
    vi.advanceTimersByTime(3_001);
    const probe = circuit.admitDatabaseWork();
    expect(probe).toEqual({ probe: true });
    expect(() => circuit.admitDatabaseWork()).toThrow(/unavailable/); // one probe at a time

    circuit.databaseWorked(probe);
    expect(circuit.admitDatabaseWork()).toEqual({ probe: false });
    vi.useRealTimers();
  });
});
