import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import type { Duplex } from "node:stream";

/**
 * Inside the new namespace: tell the parent (fd 3) that unshare has happened, wait until it has
 * written the uid and gid maps, then become the command.
 */
const HANDSHAKE = 'echo >&3 && read -r _ <&3 && exec 3<&- && exec "$0" "$@"';
const HANDSHAKE_TIMEOUT_MS = 10_000;

export class UserNamespaceRefused extends Error {}

/**
 * Runs `command` in a new user namespace in which this process's uid and gid (root's) are mapped
 * to `inside`: the command runs as an ordinary user, and root's files appear as its own. No file
 * changes owner or mode, and the command gets none of root's privileges outside the namespace.
 *
 * The maps are written from here rather than by `unshare --map-user`, which util-linux added only
 * in 2.38 (Debian 12, Ubuntu 24.04); `unshare --user` alone is much older. Rejects with
 * UserNamespaceRefused when the machine refuses user namespaces (seccomp in a container, a
 * sysctl, no unshare).
 */
export function spawnInUserNamespace(
  command: string,
  args: string[],
  inside: { uid: number; gid: number },
  env: NodeJS.ProcessEnv,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn("unshare", ["--user", "--", "/bin/sh", "-c", HANDSHAKE, command, ...args], {
      env,
      stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
    const control = child.stdio[3] as Duplex;
    let stderr = "";
    const collect = (chunk: Buffer) => {
      stderr += chunk;
    };
    const onError = (error: Error) => refuse(error.message);
    const onExit = (code: number | null) => refuse(stderr.trim() || `unshare exited with ${code}`);
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      refuse("the namespace did not start within 10 s");
    }, HANDSHAKE_TIMEOUT_MS);
    const settle = () => {
      clearTimeout(timer);
      child.stderr?.off("data", collect);
      child.off("error", onError);
      child.off("exit", onExit);
    };
    const refuse = (reason: string) => {
      settle();
      reject(new UserNamespaceRefused(reason));
    };
    child.stderr?.on("data", collect);
    child.once("error", onError);
    child.once("exit", onExit);
    control.on("error", () => {}); // the command closes fd 3 when it starts
    control.once("data", () => {
      try {
        writeFileSync(`/proc/${child.pid}/uid_map`, `${inside.uid} ${process.getuid?.() ?? 0} 1\n`);
        writeFileSync(`/proc/${child.pid}/gid_map`, `${inside.gid} ${process.getgid?.() ?? 0} 1\n`);
      } catch (error) {
        child.kill("SIGKILL");
        return refuse(`writing its uid map failed: ${(error as Error).message}`);
      }
      control.end("go\n");
      settle();
      resolve(child);
    });
  });
}
