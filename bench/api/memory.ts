import { readdirSync, readFileSync } from "node:fs";

export interface ProcessMemory {
  pid: number;
  command: string;
  rssMb: number;
}

/** Every process under `root` (itself included) with its resident memory, read from /proc. */
export function processTree(root: number): ProcessMemory[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    // The command in field 2 may hold spaces; ppid is the second field after its closing paren.
    const ppid = Number(stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (!Number.isFinite(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const result: ProcessMemory[] = [];
  const visit = (pid: number) => {
    const status = read(`/proc/${pid}/status`);
    const rssKb = Number(status?.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    const command = (read(`/proc/${pid}/cmdline`) ?? "").split("\0").join(" ").trim().slice(0, 120);
    if (status) result.push({ pid, command, rssMb: Math.round(rssKb / 102.4) / 10 });
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return result;
}

/** The app's resident memory: the launcher (scripts/start.ts) and the Next.js server under it. */
export function appRss(root: number): { totalMb: number; processes: ProcessMemory[] } {
  // The root is tsx's own wrapper, which only relays signals to the launcher: left out of the sum.
  const processes = processTree(root).filter((process) => process.pid !== root);
  const totalMb = Math.round(processes.reduce((sum, process) => sum + process.rssMb, 0) * 10) / 10;
  return { totalMb, processes };
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) in ms used so far by every process under `root`, itself included. */
export function cpuMs(root: number): number {
  const ticksPerSecond = 100; // USER_HZ, 100 on Linux
  return processTree(root).reduce((sum, process) => {
    const stat = read(`/proc/${process.pid}/stat`) ?? "";
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat, i.e. 12 and 13 after the command.
    return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  }, 0);
}
