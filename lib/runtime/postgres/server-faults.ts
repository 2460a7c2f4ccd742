import path from "node:path";
import { fixFor, nameOf } from "../file-system-problem";
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
  const problem = (reason: string, code: string) =>
    new StartupError([
      `${nameOf(holder)} ${reason}: PostgreSQL could not ${context.action} its cluster there. ${fixFor(code, holder)}`,
    ]);
  if (/No space left on device/i.test(output))
    return problem("is on a full disk (no space left on device)", "ENOSPC");
  if (/Disk quota exceeded/i.test(output)) return problem("is over its disk quota", "EDQUOT");
  if (/Read-only file system/i.test(output)) return problem("is on a read-only file system", "EROFS");
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
