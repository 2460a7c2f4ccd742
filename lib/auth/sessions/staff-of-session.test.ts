import { describe, expect, it } from "vitest";
import { staffOfSession } from "./staff-of-session";

describe("staffOfSession", () => {
  it("is the user of a checked session", () => {
    const user = { id: "usr_1", email: "ana@example.com", role: "finance" };
    expect(staffOfSession({ user: { ...user, name: null } })).toEqual(user);
  });

  it("is null without a session, or with one that names no staff user", () => {
    expect(staffOfSession(null)).toBeNull();
    expect(staffOfSession({ user: { email: "ana@example.com" } })).toBeNull();
  });

  it("is service unavailable (a 503), not a sign-out, when the database could not check the session", () => {
    expect(() => staffOfSession({ unavailable: true })).toThrow(
      expect.objectContaining({ code: "service_unavailable" }),
    );
  });
});
