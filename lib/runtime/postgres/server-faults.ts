import path from "node:path";
import { writeFailure } from "../file-system-problem";
import { StartupError } from "../startup-error";
import { describeRunner, type PostgresRunner } from "./runner";

/** PostgreSQL could not listen on the data dir's remembered port: another program took it. */
export class PostgresPortTaken extends Error {}

/**
 * What initdb or postgres said when it failed, as the one message a user can act on: a full or
 * read-only disk names the directory; anything else quotes PostgreSQL's own error line.
 */
export function postgresFailure(
  output: string,
  context: { clusterDir: string; runner: PostgresRunner; action: "initialise" | "start" },
): Error {
  const holder = path.dirname(context.clusterDir);
  const what = `PostgreSQL could not ${context.action} its cluster there`;
  if (/No space left on device/i.test(output)) return writeFailure(holder, "ENOSPC", what);
  if (/Disk quota exceeded/i.test(output)) return writeFailure(holder, "EDQUOT", what);
  if (/Read-only file system/i.test(output)) return writeFailure(holder, "EROFS", what);
  if (/could not bind .*Address already in use/i.test(output)) return new PostgresPortTaken(keyLine(output));
  if (/Permission denied/i.test(output))
    return new StartupError([
      `PostgreSQL, running as ${describeRunner(context.runner)}, may not use ${context.clusterDir}: ${keyLine(output)}`,
    ]);
  return new StartupError([`the embedded PostgreSQL failed to ${context.action}: ${keyLine(output)}`]);
}

/** PostgreSQL's own error line (FATAL, PANIC, "initdb: error:"), else its last line. */
function keyLine(output: string): string {
  const lines = output
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const key =
    lines.filter((line) => /FATAL|PANIC|ERROR|error:/.test(line)).at(-1) ?? lines.at(-1) ?? "no output";
  return key.replace(/^.*?(FATAL|PANIC|ERROR):\s*/, "");
}
