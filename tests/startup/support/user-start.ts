// `npm start` (and the CLI) run the way a user runs them: in the clone, with the user's own
// environment (none of the test runner's settings), in a process group of their own so that
// Ctrl-C can reach all of it, as a terminal's Ctrl-C does.
import { execFile, spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { type AppProcess, groupAlive, killApp, trackProcess } from "../../resilience/support/app";
import { childEnvironment } from "../../support/environment";

export interface UserEnvironment {
  home: string;
  env?: Record<string, string>;
}

/** The environment a user's shell would give: PATH and the rest, HOME, what the test sets. */
export function userEnvironment({ home, env = {} }: UserEnvironment): NodeJS.ProcessEnv {
  return childEnvironment(
    { HOME: home, ...env },
    /^(VITEST|TEST_|DONUTWORK_|DATABASE_URL|AUTH_|PORT$|APP_URL|NODE_ENV|NEXT_|npm_)/,
  );
}

export function npmStart(
  root: string,
  options: UserEnvironment & { name: string; port: number },
): AppProcess {
  const child = spawn("npm", ["start"], {
    cwd: root,
    env: userEnvironment({ ...options, env: { PORT: String(options.port), ...options.env } }),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return trackProcess(child, { name: options.name, port: options.port, labelLines: false, endsOn: "close" });
}

/** Resolves with the first line matching `pattern`; throws, with the output, if the process ends first. */
export async function waitForLine(app: AppProcess, pattern: RegExp, timeoutMs = 180_000): Promise<string> {
  const started = Date.now();
  let ended = false;
  void app.exited.then(() => {
    ended = true;
  });
  while (Date.now() - started < timeoutMs) {
    const line = app.output.find((candidate) => pattern.test(candidate));
    if (line) return line;
    if (ended) break;
    await sleep(100);
  }
  throw new Error(
    `${app.name}: no line matching ${pattern}${ended ? " before it exited" : ""}:\n${app.output.join("\n")}`,
  );
}

/**
 * Ctrl-C: SIGINT to the whole process group, as a terminal sends it. Resolves once npm has
 * exited (by the signal, as it does) and nothing of the group is left (PostgreSQL stopped too),
 * with whether the app said it was stopping.
 */
export async function pressCtrlC(app: AppProcess): Promise<{ stoppedCleanly: boolean }> {
  const pid = app.child.pid;
  if (pid === undefined) throw new Error(`${app.name} has no pid`);
  try {
    process.kill(-pid, "SIGINT");
  } catch {
    // already gone
  }
  const deadline = Date.now() + 60_000;
  await Promise.race([app.exited, sleep(60_000)]);
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) {
    await killApp(app);
    throw new Error(`${app.name} was still running 60 s after Ctrl-C:\n${app.output.join("\n")}`);
  }
  const stoppedCleanly = app.output.includes("[donutwork] Stopping…");
  if (!stoppedCleanly) console.error(`${app.name} after Ctrl-C:\n${app.output.join("\n")}`);
  return { stoppedCleanly };
}

/** Resolves once the process has ended, with its exit code (it is expected to stop by itself). */
export async function exitCodeOf(app: AppProcess, timeoutMs = 120_000): Promise<number | null> {
  const code = await Promise.race([app.exited, sleep(timeoutMs).then(() => "timeout" as const)]);
  if (code !== "timeout") return code;
  await killApp(app);
  throw new Error(`${app.name} still running after ${timeoutMs} ms:\n${app.output.join("\n")}`);
}

/** The operator CLI in the clone: `npm run --silent donutwork -- …`. */
export function donutworkCli(
  root: string,
  args: string[],
  options: UserEnvironment,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", "donutwork", "--", ...args],
      { cwd: root, env: userEnvironment(options), encoding: "utf8" },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * A failure as the user sees it: exit code 1, the expected message, and no stack trace or raw
 * error object anywhere in what the app printed.
 */
export function failureOf(app: AppProcess, code: number | null) {
  const text = app.output.join("\n");
  return {
    code,
    text,
    stack: app.output.filter((line) => /^\s+at\s|^\S*Error:|\{$|^\s+code: '/.test(line)),
    messages: app.output.filter((line) => line.startsWith("DonutWork cannot start:")),
  };
}
