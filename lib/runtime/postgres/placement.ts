import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { postgresFallbackDir } from "../data-dir";
import { StartupError } from "../startup-error";
import { writeFileNamed } from "../write-file";
import { binary, type PostgresBinaries, postgresBinaries } from "./binaries";
import { describeBlocked, firstBlockedPath } from "./blocked-directory";
import { clusterExists } from "./cluster";
import { localAccounts, nameOfUid } from "./passwd";
import { describeRunner, type PostgresRunner } from "./runner";
import { postgresSystemUser } from "./system-user";
import { UserNamespaceRefused } from "./user-namespace";

/** Records, in the data dir, a cluster kept outside it (see reachableCluster). */
export const LOCATION_FILE = "postgres.location";

export interface Placement {
  runner: PostgresRunner;
  clusterDir: string;
  binaries: PostgresBinaries;
}

type Log = (line: string) => void;

/**
 * Who runs the embedded PostgreSQL and where its cluster and binaries are, such that it can
 * reach both without any directory changing owner or mode.
 *
 * PostgreSQL refuses to run as root. As root it therefore runs in a user namespace in which
 * root appears as an ordinary user: root's files (the clone in a 0700 /root, a data dir in any
 * 0700 directory) are then its own, and nothing needs to change. Where the machine refuses user
 * namespaces (a container's default seccomp profile), it runs as the system user "postgres", and
 * what that user cannot reach moves to DONUTWORK_POSTGRES_DIR (default /var/lib/donutwork): a
 * copy of the binaries, and a new cluster, whose location the data dir records.
 */
export async function placeEmbeddedPostgres(dataDir: string, log: Log): Promise<Placement> {
  const binaries = postgresBinaries();
  const clusterDir = recordedCluster(dataDir) ?? path.join(dataDir, "pg");
  if (process.getuid?.() !== 0) return { runner: { kind: "current-user" }, clusterDir, binaries };

  const { runner, why } = await chooseRunner(clusterDir, log);
  return {
    runner,
    binaries: await reachableBinaries(runner, binaries, why, log),
    clusterDir: await reachableCluster(runner, dataDir, clusterDir, why, log),
  };
}

async function chooseRunner(clusterDir: string, log: Log): Promise<{ runner: PostgresRunner; why: string }> {
  const owner = clusterExists(clusterDir) ? statSync(clusterDir) : undefined;
  // A cluster made by a system user (by earlier versions, or where namespaces are refused) keeps
  // running as its owner: in a namespace its files would belong to nobody.
  if (owner && owner.uid !== 0) {
    const runner = {
      kind: "system-user",
      uid: owner.uid,
      gid: owner.gid,
      name: nameOfUid(owner.uid),
    } as const;
    return { runner, why: `its cluster ${clusterDir} belongs to ${runner.name}` };
  }
  const refusal = await userNamespaceRefusal();
  if (!refusal.runner) {
    if (owner)
      throw new StartupError([
        `the embedded PostgreSQL's cluster ${clusterDir} belongs to root, so PostgreSQL must run in a user namespace, and this machine refuses them (${refusal.reason}). Allow user namespaces, or set DATABASE_URL.`,
      ]);
    log(`User namespaces are refused here (${refusal.reason}): PostgreSQL runs as a system user`);
    const account = await postgresSystemUser(log);
    const runner = { kind: "system-user", ...account } as const;
    return { runner, why: `user namespaces are refused here (${refusal.reason})` };
  }
  return { runner: refusal.runner, why: "" };
}

/** A user-namespace runner, after running a first command in it; or why that was refused. */
async function userNamespaceRefusal(): Promise<{ runner?: PostgresRunner; reason: string }> {
  // Any account but root and nobody (whose uid stands for every unmapped owner in a namespace):
  // initdb insists on a passwd entry for its uid.
  const inside = localAccounts().find((account) => account.uid !== 0 && account.uid !== 65534);
  if (!inside) return { reason: "no account other than root and nobody in /etc/passwd" };
  const runner = { kind: "user-namespace", uid: inside.uid, gid: inside.gid, name: inside.name } as const;
  try {
    await firstBlockedPath(runner, ["/"]);
    return { runner, reason: "" };
  } catch (error) {
    if (error instanceof UserNamespaceRefused) return { reason: error.message };
    throw error;
  }
}

async function reachableBinaries(
  runner: PostgresRunner,
  binaries: PostgresBinaries,
  why: string,
  log: Log,
): Promise<PostgresBinaries> {
  const programs = (from: PostgresBinaries) => [binary(from, "initdb"), binary(from, "postgres")];
  const blocked = await firstBlockedPath(runner, programs(binaries));
  if (!blocked) return binaries;
  const copy: PostgresBinaries = {
    root: path.join(fallbackDir(runner, why), `postgres-${binaries.version}`),
    version: binaries.version,
  };
  if (!existsSync(copy.root)) {
    log(
      `${describeRunner(runner)} cannot enter ${describeBlocked(blocked)}: copying PostgreSQL to ${copy.root}`,
    );
    const staging = `${copy.root}.${process.pid}.tmp`;
    cpSync(binaries.root, staging, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    try {
      renameSync(staging, copy.root);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another start made it first
    }
  }
  const stillBlocked = await firstBlockedPath(runner, programs(copy));
  if (stillBlocked) throw unreachable(runner, why, stillBlocked, "its binaries");
  return copy;
}

async function reachableCluster(
  runner: PostgresRunner,
  dataDir: string,
  clusterDir: string,
  why: string,
  log: Log,
): Promise<string> {
  if (clusterExists(clusterDir)) {
    const blocked = await firstBlockedPath(runner, [clusterDir]);
    if (blocked) throw unreachable(runner, why, blocked, "its cluster");
    return clusterDir;
  }
  const blocked = await firstBlockedPath(runner, [path.dirname(clusterDir)]);
  if (!blocked) return clusterDir;
  const clusters = path.join(fallbackDir(runner, why), "clusters");
  mkdirSync(clusters, { recursive: true, mode: 0o755 });
  const stillBlocked = await firstBlockedPath(runner, [clusters]);
  if (stillBlocked) throw unreachable(runner, why, stillBlocked, "its cluster");
  const relocated = path.join(clusters, randomBytes(6).toString("hex"));
  writeFileNamed(path.join(dataDir, LOCATION_FILE), `${relocated}\n`);
  log(
    `${describeRunner(runner)} cannot enter ${describeBlocked(blocked)}: its cluster goes to ${relocated} (recorded in ${LOCATION_FILE})`,
  );
  return relocated;
}

function fallbackDir(runner: PostgresRunner, why: string): string {
  const dir = postgresFallbackDir();
  try {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw new StartupError([
      `${runsAs(runner, why)}, which needs DONUTWORK_POSTGRES_DIR (${dir}) for what it cannot reach elsewhere, and ${dir} cannot be created (${(error as NodeJS.ErrnoException).code}). ${FIX}`,
    ]);
  }
  return dir;
}

function unreachable(runner: PostgresRunner, why: string, blocked: string, what: string): StartupError {
  return new StartupError([
    `${runsAs(runner, why)}, which cannot enter ${describeBlocked(blocked)}, on the way to ${what}. ${FIX}`,
  ]);
}

const FIX =
  "Set DONUTWORK_POSTGRES_DIR to a directory it can reach (every directory above it enterable by others), run as a non-root user, or set DATABASE_URL.";

function runsAs(runner: PostgresRunner, why: string): string {
  return `PostgreSQL refuses to run as root${why ? `, and ${why}` : ""}, so it runs as ${describeRunner(runner)}`;
}

function recordedCluster(dataDir: string): string | undefined {
  const file = path.join(dataDir, LOCATION_FILE);
  return existsSync(file) ? readFileSync(file, "utf8").trim() || undefined : undefined;
}
