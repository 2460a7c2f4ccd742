import { hashPassword } from "../../auth/password";
import type { StaffRole } from "../../auth/roles";
import { revokeAllStaffSessions } from "../../auth/sessions/revoke-session";
import { forgetAccountFailures } from "../../auth/sign-in-rate-limit";
import { db } from "../../db";
import { AppError, notFound } from "../../errors/app-error";
import { staffUserSelect } from "../../serializers/staff-user";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";

export interface StaffUserChange {
  role?: StaffRole;
  disabled?: boolean;
  password?: string;
}

/**
 * Changes a staff user's role, enabled state or password, audited (never the password or its
 * hash). Disabling and a new password revoke every session of the user; a role change needs no
 * revocation, since each request reads the role from the database (lib/auth/sessions). A new
 * password and enabling end the account's sign-in back-off (lib/auth/sign-in-rate-limit.ts).
 *
 * The last enabled admin can be neither demoted nor disabled. Every such change takes one
 * transaction-scoped advisory lock first, so concurrent changes (two admins demoting each other,
 * the CLI beside the API, several instances) are decided one after the other, each seeing the
 * other's committed result.
 */
export async function updateStaffUser(input: { id: string; change: StaffUserChange; actor: Actor }) {
  const { id, change, actor } = input;
  // argon2 takes tens of milliseconds: hash before taking the lock, not while holding it.
  const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('donutwork.staff_users.admins'))`;
    const before = await tx.staffUser.findUnique({ where: { id }, select: staffUserSelect });
    if (!before) throw notFound("staff user", id);
    const role = change.role ?? before.role;
    const disabledAt =
      change.disabled === undefined
        ? before.disabledAt
        : change.disabled
          ? (before.disabledAt ?? new Date())
          : null;
    const wasActiveAdmin = before.role === "admin" && before.disabledAt === null;
    if (wasActiveAdmin && (role !== "admin" || disabledAt !== null)) {
      const otherAdmins = await tx.staffUser.count({
        where: { role: "admin", disabledAt: null, id: { not: id } },
      });
      if (otherAdmins === 0) throw lastAdmin(before.email, role !== "admin" ? "role" : "disabled");
    }
    const after = await tx.staffUser.update({
      where: { id },
      data: { role, disabledAt, ...(passwordHash === undefined ? {} : { passwordHash }) },
      select: staffUserSelect,
    });
    const newlyDisabled = disabledAt !== null && before.disabledAt === null;
    const sessionsRevoked =
      newlyDisabled || passwordHash !== undefined ? await revokeAllStaffSessions(tx, id) : 0;
    await recordChange(tx, {
      actor,
      action: "staff_user.updated",
      entityType: "staff_user",
      entityId: id,
      customerId: null,
      before: { role: before.role, disabled: before.disabledAt !== null },
      after: {
        role: after.role,
        disabled: after.disabledAt !== null,
        password_changed: passwordHash !== undefined,
        sessions_revoked: sessionsRevoked,
      },
      emitEvent: false,
    });
    // A new password or re-enabling lets the user sign in at once, whatever failed before.
    if (passwordHash !== undefined || change.disabled === false) await forgetAccountFailures(tx, after.email);
    return after;
  });
}

function lastAdmin(email: string, field: "role" | "disabled"): AppError {
  const change = field === "role" ? "demoted" : "disabled";
  return new AppError(
    "conflict",
    `${email} is the last enabled admin and cannot be ${change}: make another user an admin first.`,
    { errors: [{ field, message: `the last enabled admin cannot be ${change}` }] },
  );
}
