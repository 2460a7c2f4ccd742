import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StaffRole } from "../../lib/auth/roles";
import { migratedAppDatabase } from "../support/app-environment";

// Changing staff users against a real migrated PostgreSQL: the last enabled admin stays, even
// when two admins demote (or disable) each other at the same moment; disabling and a new
// password end every session, a role change shows on the next session look-up; each change is
// audited without the password or its hash.

let database: Awaited<ReturnType<typeof migratedAppDatabase>>;
let lib: {
  db: typeof import("../../lib/db").db;
  closeDatabase: typeof import("../../lib/db").closeDatabase;
  updateStaffUser: typeof import("../../lib/server/staff-users/update-staff-user").updateStaffUser;
  createStaffUser: typeof import("../../lib/server/staff-users/create-staff-user").createStaffUser;
  startStaffSession: typeof import("../../lib/auth/sessions/start-session").startStaffSession;
  resolveStaffSession: typeof import("../../lib/auth/sessions/resolve-session").resolveStaffSession;
  revokeStaffSession: typeof import("../../lib/auth/sessions/revoke-session").revokeStaffSession;
};
const SYSTEM = { type: "system", id: null } as const;
let sequence = 0;

beforeAll(async () => {
  database = await migratedAppDatabase("staff_users");
  const [db, update, create, start, resolve, revoke] = await Promise.all([
    import("../../lib/db"),
    import("../../lib/server/staff-users/update-staff-user"),
    import("../../lib/server/staff-users/create-staff-user"),
    import("../../lib/auth/sessions/start-session"),
    import("../../lib/auth/sessions/resolve-session"),
    import("../../lib/auth/sessions/revoke-session"),
  ]);
  lib = {
    db: db.db,
    closeDatabase: db.closeDatabase,
    updateStaffUser: update.updateStaffUser,
    createStaffUser: create.createStaffUser,
    startStaffSession: start.startStaffSession,
    resolveStaffSession: resolve.resolveStaffSession,
    revokeStaffSession: revoke.revokeStaffSession,
  };
}, 120_000);

afterAll(async () => {
  await lib?.closeDatabase();
  await database?.drop();
});

// Each test starts from a book with no staff at all, so "the last admin" is exactly who the test says.
beforeEach(async () => {
  await lib.db().staffSession.deleteMany();
  await lib.db().staffUser.deleteMany();
});

const newUser = (role: StaffRole) =>
  lib.createStaffUser({ email: `user-${++sequence}@example.com`, password: "a-long-password", role });

const enabledAdmins = () => lib.db().staffUser.count({ where: { role: "admin", disabledAt: null } });

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "changed",
    (error: { code?: string }) => (error.code === "conflict" ? "conflict" : `unexpected: ${String(error)}`),
  );

describe("updateStaffUser", () => {
  it("refuses to demote or disable the last enabled admin (a conflict naming the field), and changes nothing", async () => {
    const admin = await newUser("admin");
    await newUser("finance");
    await expect(
      lib.updateStaffUser({ id: admin.id, change: { role: "viewer" }, actor: SYSTEM }),
    ).rejects.toMatchObject({
      code: "conflict",
      options: { errors: [{ field: "role", message: "the last enabled admin cannot be demoted" }] },
    });
    await expect(
      lib.updateStaffUser({ id: admin.id, change: { disabled: true }, actor: SYSTEM }),
    ).rejects.toMatchObject({
      code: "conflict",
      options: { errors: [{ field: "disabled", message: "the last enabled admin cannot be disabled" }] },
    });
    expect(await lib.db().staffUser.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      role: "admin",
      disabledAt: null,
    });
    expect(await lib.db().auditRecord.count({ where: { entityId: admin.id } })).toBe(0);
  });

  it("lets an admin go once another admin is enabled; a disabled admin does not count", async () => {
    const [first, second] = [await newUser("admin"), await newUser("admin")];
    await lib.updateStaffUser({ id: second.id, change: { disabled: true }, actor: SYSTEM });
    await expect(
      lib.updateStaffUser({ id: first.id, change: { role: "finance" }, actor: SYSTEM }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    await lib.updateStaffUser({ id: second.id, change: { disabled: false }, actor: SYSTEM });
    await lib.updateStaffUser({ id: first.id, change: { role: "finance" }, actor: SYSTEM });
    expect(await enabledAdmins()).toBe(1);
  });

  it("two admins demoting each other at the same moment leave exactly one admin, every time", async () => {
    for (let round = 0; round < 20; round++) {
      await lib.db().staffUser.deleteMany();
      const [a, b] = [await newUser("admin"), await newUser("admin")];
      const changes: [string, object][] = [
        [b.id, round % 2 === 0 ? { role: "viewer" } : { disabled: true }],
        [a.id, round % 3 === 0 ? { disabled: true } : { role: "finance" }],
      ];
      const results = await Promise.all(
        changes.map(([id, change]) => outcome(lib.updateStaffUser({ id, change, actor: SYSTEM }))),
      );
      expect(results.sort(), `round ${round}`).toEqual(["changed", "conflict"]);
      expect(await enabledAdmins(), `round ${round}`).toBe(1);
    }
  });

  it("disabling ends every session of the user, and only theirs; enabling brings none back", async () => {
    const [user, other] = [await newUser("finance"), await newUser("admin")];
    const sessions = [await lib.startStaffSession(user.id), await lib.startStaffSession(user.id)];
    const otherSession = await lib.startStaffSession(other.id);
    for (const session of sessions)
      expect(await lib.resolveStaffSession(session)).toMatchObject({ id: user.id });
    await lib.updateStaffUser({ id: user.id, change: { disabled: true }, actor: SYSTEM });
    for (const session of sessions) expect(await lib.resolveStaffSession(session)).toBeNull();
    await lib.updateStaffUser({ id: user.id, change: { disabled: false }, actor: SYSTEM });
    for (const session of sessions) expect(await lib.resolveStaffSession(session)).toBeNull();
    expect(await lib.resolveStaffSession(otherSession)).toMatchObject({ id: other.id, role: "admin" });
  });

  it("a new password ends every session; a role change keeps them and shows on the next look-up", async () => {
    const user = await newUser("finance");
    const session = await lib.startStaffSession(user.id);
    await lib.updateStaffUser({ id: user.id, change: { role: "viewer" }, actor: SYSTEM });
    expect(await lib.resolveStaffSession(session)).toEqual({
      id: user.id,
      email: user.email,
      role: "viewer",
    });
    await lib.updateStaffUser({ id: user.id, change: { password: "another-long-password" }, actor: SYSTEM });
    expect(await lib.resolveStaffSession(session)).toBeNull();
  });

  it("audits each change with who made it, never the password or its hash", async () => {
    const user = await newUser("viewer");
    const actor = { type: "staff_user", id: "usr_01JDQ3X5Z4Q8M2N6P7R9S0T1V2" } as const;
    await lib.updateStaffUser({
      id: user.id,
      change: { role: "finance", password: "the-secret-password" },
      actor,
    });
    const [record] = await lib
      .db()
      .auditRecord.findMany({ where: { entityType: "staff_user", entityId: user.id } });
    expect(record).toMatchObject({
      actorType: "staff_user",
      actorId: actor.id,
      action: "staff_user.updated",
      before: { role: "viewer", disabled: false },
      after: { role: "finance", disabled: false, password_changed: true, sessions_revoked: 0 },
    });
    const stored = await lib.db().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    const recorded = JSON.stringify({ before: record?.before, after: record?.after });
    expect(recorded).not.toContain("the-secret-password");
    expect(recorded).not.toContain(stored.passwordHash);
    expect(await lib.db().domainEvent.count()).toBe(0);
  });

  it("an unknown user is not found", async () => {
    await expect(
      lib.updateStaffUser({
        id: "usr_01JDQ3X5Z4Q8M2N6P7R9S0T1V2",
        change: { role: "viewer" },
        actor: SYSTEM,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("staff sessions", () => {
  it("are refused once revoked, expired, or their user disabled", async () => {
    const user = await newUser("finance");
    const revoked = await lib.startStaffSession(user.id);
    await lib.revokeStaffSession(revoked);
    expect(await lib.resolveStaffSession(revoked)).toBeNull();

    const expired = await lib.startStaffSession(user.id);
    await lib.db().staffSession.updateMany({
      where: { revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await lib.resolveStaffSession(expired)).toBeNull();

    expect(await lib.resolveStaffSession("not-a-session")).toBeNull();
  });

  it("are stored only as a hash of their id", async () => {
    const user = await newUser("viewer");
    const session = await lib.startStaffSession(user.id);
    const rows = await lib.db().staffSession.findMany();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(session);
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
