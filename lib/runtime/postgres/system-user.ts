import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { StartupError } from "../startup-error";
import { type Account, accountNamed } from "./passwd";

const SYSTEM_USER = "postgres";
const run = promisify(execFile);

/**
 * The system user PostgreSQL runs as when root cannot use a user namespace: "postgres" (the
 * name PostgreSQL's own packages use, so a machine with them shares it), created when missing.
 */
export async function postgresSystemUser(log: (line: string) => void): Promise<Account> {
  const existing = accountNamed(SYSTEM_USER);
  if (existing) return existing;
  log(`Creating the system user "${SYSTEM_USER}" for the embedded PostgreSQL`);
  // The home PostgreSQL's packages give it, so that installing them later finds the user as
  // they would have made it.
  const common = ["--system", "--no-create-home", "--home-dir", "/var/lib/postgresql"];
  try {
    await run("useradd", [...common, "--user-group", SYSTEM_USER]);
  } catch (first) {
    // The group may exist without the user (left by an uninstalled package).
    await run("useradd", [...common, "--gid", SYSTEM_USER, SYSTEM_USER]).catch(() => {
      throw new StartupError([
        `PostgreSQL refuses to run as root and needs a system user "${SYSTEM_USER}", which could not be created (${firstLine(first)}). Create it (useradd --system ${SYSTEM_USER}), run as a non-root user, or set DATABASE_URL.`,
      ]);
    });
  }
  const created = accountNamed(SYSTEM_USER);
  if (!created) throw new StartupError([`useradd did not create the system user "${SYSTEM_USER}"`]);
  return created;
}

function firstLine(error: unknown): string {
  const { stderr, message } = error as { stderr?: string; message?: string };
  return (stderr || message || String(error)).trim().split("\n")[0] ?? "";
}
