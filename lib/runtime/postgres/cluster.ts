import type { ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import { StartupError } from "../startup-error";
import { writeFileNamed } from "../write-file";
import { binary } from "./binaries";
import type { Placement } from "./placement";
import { finished, spawnAs } from "./runner";
import { postgresFailure } from "./server-faults";

const READY = "database system is ready to accept connections";
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

export function clusterExists(clusterDir: string): boolean {
  return existsSync(path.join(clusterDir, "PG_VERSION"));
}

/**
 * Creates the cluster: initdb into a staging directory beside it, renamed into place only once
 * complete, so an interrupted first start (Ctrl-C, a full disk) never leaves a half-made cluster
 * that a later start would take for a real one.
 */
export async function initialiseCluster(placement: Placement, password: string): Promise<void> {
  const { clusterDir, runner } = placement;
  const staging = `${clusterDir}.init-${process.pid}`;
  const passwordFile = `${clusterDir}.pw-${process.pid}`;
  removeLeftovers(clusterDir);
  mkdirSync(staging, { mode: 0o700 });
  writeFileNamed(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runner.kind === "system-user") {
    chownSync(staging, runner.uid, runner.gid);
    chownSync(passwordFile, runner.uid, runner.gid);
  }
  try {
    const initdb = await spawnAs(runner, binary(placement.binaries, "initdb"), [
      `--pgdata=${staging}`,
      "--auth=scram-sha-256",
      "--username=postgres",
      `--pwfile=${passwordFile}`,
      // Code-point order like the C locale (no OS locale needed), but PostgreSQL's own Unicode
      // case mapping: with plain C, lower() and ILIKE fold only ASCII, and a search for "müller"
      // missed "MÜLLER GmbH". Data dirs made before this keep C.
      "--encoding=UTF8",
      "--locale=C",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
    ]);
    const { code, output } = await finished(initdb);
    if (code !== 0) throw postgresFailure(output, { clusterDir, runner, action: "initialise" });
    renameSync(staging, clusterDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(passwordFile, { force: true });
  }
}

/** Staging directories and password files of starts that died half-way, and an empty cluster dir. */
function removeLeftovers(clusterDir: string): void {
  const parent = path.dirname(clusterDir);
  const base = path.basename(clusterDir);
  for (const entry of existsSync(parent) ? readdirSync(parent) : [])
    if (entry.startsWith(`${base}.init-`) || entry.startsWith(`${base}.pw-`))
      rmSync(path.join(parent, entry), { recursive: true, force: true });
  if (!existsSync(clusterDir)) return;
  if (readdirSync(clusterDir).length > 0)
    throw new StartupError([
      `${clusterDir} holds files but no PostgreSQL cluster (PG_VERSION is missing). Move it away and start again.`,
    ]);
  rmdirSync(clusterDir);
}

export interface RunningCluster {
  stop(): Promise<void>;
}

/** Starts PostgreSQL on the cluster and resolves once it accepts connections. */
export async function startCluster(placement: Placement, port: number): Promise<RunningCluster> {
  const { clusterDir, runner } = placement;
  const server = await spawnAs(runner, binary(placement.binaries, "postgres"), [
    "-D",
    clusterDir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    // TCP only: a socket in /tmp would need /tmp writable, and collide across users and namespaces.
    "-c",
    "unix_socket_directories=",
    "-c",
    "max_connections=200",
  ]);
  await ready(server, placement);
  return { stop: () => stop(server) };
}

function ready(server: ChildProcess, placement: Placement): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    let started = false;
    const timer = setTimeout(() => {
      server.kill("SIGKILL");
      reject(new StartupError([`the embedded PostgreSQL did not start within ${START_TIMEOUT_MS / 1000} s`]));
    }, START_TIMEOUT_MS);
    // Read its output for as long as it runs: a full pipe would stall the server.
    const read = (chunk: Buffer) => {
      if (started) return;
      output += chunk;
      if (!output.includes(READY)) return;
      started = true;
      clearTimeout(timer);
      resolve();
    };
    server.stdout?.on("data", read);
    server.stderr?.on("data", read);
    // "close", not "exit": by then all of its output has been read.
    server.once("close", () => {
      clearTimeout(timer);
      if (!started)
        reject(
          postgresFailure(output, {
            clusterDir: placement.clusterDir,
            runner: placement.runner,
            action: "start",
          }),
        );
    });
  });
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, the cluster stays consistent.
  server.kill("SIGINT");
  const timer = setTimeout(() => server.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
