import { type ChildProcess, spawn } from "node:child_process";
import { spawnInUserNamespace } from "./user-namespace";

/**
 * Who the embedded PostgreSQL runs as. PostgreSQL refuses to run as root, so as root it runs
 * either in a user namespace (root's files are its own there) or as a system user.
 */
export type PostgresRunner =
  | { kind: "current-user" }
  | { kind: "user-namespace"; uid: number; gid: number; name: string }
  | { kind: "system-user"; uid: number; gid: number; name: string };

// Only what PostgreSQL needs (none of the app's secrets), and messages in English whatever the
// machine's locale: start-up reads them (readiness, faults). NODE_ENV only because Next.js's
// types require it in every environment (unset values are not passed on).
const ENVIRONMENT: NodeJS.ProcessEnv = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  LC_ALL: "C",
  NODE_ENV: process.env.NODE_ENV,
};

/** Spawns a PostgreSQL program (or a shell check) as `runner`, with stdout and stderr piped. */
export function spawnAs(runner: PostgresRunner, command: string, args: string[]): Promise<ChildProcess> {
  if (runner.kind === "user-namespace") return spawnInUserNamespace(command, args, runner, ENVIRONMENT);
  const identity = runner.kind === "system-user" ? { uid: runner.uid, gid: runner.gid } : {};
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: ENVIRONMENT, stdio: ["ignore", "pipe", "pipe"], ...identity });
    child.once("spawn", () => resolve(child));
    child.once("error", reject);
  });
}

/** Collects a program's output and resolves with it and its exit code once it has ended. */
export function finished(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.once("close", (code) => resolve({ code, output }));
  });
}

export function describeRunner(runner: PostgresRunner): string {
  switch (runner.kind) {
    case "current-user":
      return "the current user";
    case "user-namespace":
      return `"${runner.name}" in a user namespace`;
    case "system-user":
      return `the system user "${runner.name}"`;
  }
}
