/** The parts of a V8 `.cpuprofile` the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  startTime: number;
  endTime: number;
}

// Self time by where the code lives: a package under node_modules, Next's compiled server
// chunks (the app's own code and what Turbopack bundled with it), or Node itself.
function ownerOf(url: string): string {
  if (!url) return "(native / garbage collection / idle)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    const name = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    if (name === "next") return `next/${rest.slice(1, 4).join("/")}`;
    return name ?? url;
  }
  if (url.includes("/server/chunks/")) return `app chunk ${url.slice(url.lastIndexOf("/") + 1)}`;
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\//, "");
}

export function summariseProfile(profile: CpuProfile, top = 40): string {
  const total = profile.samples.length;
  const hitsOf = new Map<number, number>();
  for (const id of profile.samples) hitsOf.set(id, (hitsOf.get(id) ?? 0) + 1);
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = hitsOf.get(node.id) ?? 0;
    if (!hits) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") continue;
    const owner = ownerOf(url);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + hits);
    const key = `${functionName || "(anonymous)"} ${owner}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  }
  const idle = profile.nodes
    .filter((node) => node.callFrame.functionName === "(idle)")
    .reduce((sum, node) => sum + (hitsOf.get(node.id) ?? 0), 0);
  const busy = total - idle;
  const percent = (hits: number) => `${((100 * hits) / busy).toFixed(1).padStart(5)} %`;
  const rows = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => `${percent(hits)}  ${name}`)
      .join("\n");
  return [
    `busy ${busy} of ${total} samples (${((100 * busy) / total).toFixed(0)} %)`,
    "\nself time by owner:",
    rows(byOwner),
    "\ntop functions (self time):",
    rows(byFunction),
  ].join("\n");
}

/** Samples in which the process was running code (not idle). */
export function busySamples(profile: CpuProfile): number {
  const idle = new Set(
    profile.nodes.filter((node) => node.callFrame.functionName === "(idle)").map((node) => node.id),
  );
  return profile.samples.filter((id) => !idle.has(id)).length;
}
