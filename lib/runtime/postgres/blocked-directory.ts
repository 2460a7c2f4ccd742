import { statSync } from "node:fs";
import path from "node:path";
import { nameOfUid } from "./passwd";
import { finished, type PostgresRunner, spawnAs } from "./runner";

// Prints the first argument that is not searchable (a directory) or executable (a file).
const CHECK = 'for p do test -x "$p" || { printf "%s" "$p"; exit 3; }; done';

/**
 * The first directory (or binary) on the way to `targets` that `runner` cannot enter or run,
 * checked by running `test -x` as that user: the kernel decides, ACLs and all.
 */
export async function firstBlockedPath(
  runner: PostgresRunner,
  targets: string[],
): Promise<string | undefined> {
  const paths = [...new Set(targets.flatMap(withAncestors))];
  const { code, output } = await finished(await spawnAs(runner, "/bin/sh", ["-c", CHECK, "sh", ...paths]));
  if (code === 0) return undefined;
  if (code === 3) return output;
  throw new Error(`checking access as ${runner.kind} failed (${code}): ${output.trim()}`);
}

function withAncestors(target: string): string[] {
  const resolved = path.resolve(target);
  const chain: string[] = [];
  for (let current = resolved; ; current = path.dirname(current)) {
    chain.unshift(current);
    if (path.dirname(current) === current) return chain;
  }
}

/** "/root (mode 0700, owner root)", for messages. */
export function describeBlocked(target: string): string {
  try {
    const stat = statSync(target);
    return `${target} (mode ${(stat.mode & 0o777).toString(8).padStart(4, "0")}, owner ${nameOfUid(stat.uid)})`;
  } catch {
    return target;
  }
}
