// The operator's CLI: npm run --silent donutwork -- <command>. Works whether or not the server
// runs: it uses DATABASE_URL, or the embedded database (joining it if the server started it).
import { parseArgs } from "node:util";
import { z } from "zod";
import { STAFF_ROLES } from "../lib/auth/roles";
import { acquireDatabase } from "../lib/runtime/embedded-database";
import { applyMigrations } from "../lib/runtime/migrations";
import { exitOnUserFacingProblem, userFacingProblems } from "../lib/runtime/startup-failure";
import { API_KEY_SCOPES, createApiKey } from "../lib/server/api-keys/create-api-key";
import { listApiKeys } from "../lib/server/api-keys/list-api-keys";
import { revokeApiKey } from "../lib/server/api-keys/revoke-api-key";
import { SYSTEM_ACTOR } from "../lib/server/audit/actor";
import { createStaffUser } from "../lib/server/staff-users/create-staff-user";
import { findStaffUserId } from "../lib/server/staff-users/find-staff-user-id";
import { listStaffUsers } from "../lib/server/staff-users/list-staff-users";
import { updateStaffUser } from "../lib/server/staff-users/update-staff-user";
import { updateStaffUserSchema } from "../lib/validations/staff-user";

const USAGE = `usage:
  donutwork api-key create --name NAME [--scopes read,write]   the secret is the last line of output
  donutwork api-key list
  donutwork api-key revoke KEY_ID
  donutwork user create --email EMAIL --password PASSWORD --role admin|finance|viewer
  donutwork user list
  donutwork user disable USER                      USER is an id (usr_…) or an email; ends every session
  donutwork user enable USER
  donutwork user set-role USER --role admin|finance|viewer
  donutwork user set-password USER --password PASSWORD                     ends every session`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: "string" },
    scopes: { type: "string" },
    email: { type: "string" },
    password: { type: "string" },
    role: { type: "string" },
  },
});
const [noun, verb, argument] = positionals;

const commands: Record<string, () => Promise<void>> = {
  "api-key create": async () => {
    const name = z
      .string()
      .min(1)
      .max(100)
      .parse(values.name, { error: () => "--name is required (1–100 characters)" });
    const scopes = z
      .array(z.enum(API_KEY_SCOPES))
      .min(1)
      .parse(
        (values.scopes ?? "read,write").split(",").map((scope) => scope.trim()),
        { error: () => "--scopes must be read, write or read,write" },
      );
    const key = await createApiKey({ name, scopes });
    console.log(
      `Created API key ${key.id} "${key.name}" with scopes ${key.scopes.join(",")}. Its secret, shown only now:`,
    );
    console.log(key.secret);
  },
  "api-key list": async () => {
    for (const key of await listApiKeys()) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "active";
      console.log(
        `${key.id}  ${key.prefix}…  ${key.scopes.join(",").padEnd(10)}  ${state.padEnd(32)}  last used ${key.lastUsedAt?.toISOString() ?? "never"}  ${key.name}`,
      );
    }
  },
  "api-key revoke": async () => {
    if (!argument) throw new Error("which key? donutwork api-key revoke KEY_ID");
    await revokeApiKey(argument);
    console.log(`Revoked ${argument}.`);
  },
  "user create": async () => {
    const input = z
      .object({
        email: z.email("--email must be an email address"),
        password: z.string("--password is required"),
        role: z.enum(STAFF_ROLES, "--role must be admin, finance or viewer"),
      })
      .parse(values);
    const user = await createStaffUser(input);
    console.log(`Created ${user.role} ${user.email} (${user.id}).`);
  },
  "user list": async () => {
    for (const user of await listStaffUsers())
      console.log(
        `${user.id}  ${user.role.padEnd(8)}  ${(user.disabledAt ? "disabled" : "enabled").padEnd(8)}  ${user.email}`,
      );
  },
  "user disable": () => changeUser({ disabled: true }),
  "user enable": () => changeUser({ disabled: false }),
  "user set-role": () => changeUser({ role: required("role") }),
  "user set-password": () => changeUser({ password: required("password") }),
};

function required(option: "role" | "password"): string {
  const value = values[option];
  if (value === undefined) throw new Error(`--${option} is required`);
  return value;
}

/** The same change, checks and audit record as PATCH /staff_users/{id}.json, made by the operator. */
async function changeUser(change: Record<string, unknown>): Promise<void> {
  if (!argument) throw new Error(`which user? donutwork ${noun} ${verb} USER (an id or an email)`);
  const parsed = updateStaffUserSchema.safeParse(change);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${String(issue?.path[0] ?? "")} ${issue?.message ?? "is invalid"}`);
  }
  const user = await updateStaffUser({
    id: await findStaffUserId(argument),
    change: parsed.data,
    actor: SYSTEM_ACTOR,
  });
  console.log(`${user.email} (${user.id}): ${user.role}, ${user.disabledAt ? "disabled" : "enabled"}.`);
}

const command = commands[`${noun} ${verb}`];
if (!command) {
  console.error(USAGE);
  process.exit(2);
}
const database = await exitOnUserFacingProblem("error", () => acquireDatabase((line) => console.error(line)));
process.env.DATABASE_URL = database.url;
let exitCode = 0;
try {
  await applyMigrations(database.url);
  await command();
} catch (error) {
  exitCode = 1;
  const issues = (error as z.ZodError).issues;
  const problems = issues ? issues.map((issue) => issue.message) : userFacingProblems(error);
  console.error(`error: ${problems ? problems.join("; ") : (error as Error).message}`);
} finally {
  const { closeDatabase } = await import("../lib/db");
  await closeDatabase();
  await database.release();
}
process.exit(exitCode);
