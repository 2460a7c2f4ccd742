import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The parts of a V8 `.cpuprofile` the summary reads. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples: number[];
  startTime: number;
  endTime: number;
}

type Frame = CpuProfile["nodes"][number]["callFrame"];

// Next's compiled server chunks bundle the app's own code with the packages Turbopack inlined
// (and Next's route runtime), minified, and Next's own runtime is precompiled the same way;
// their source maps (beside them) tell which source file a position came from.
const maps = new Map<string, SourceMap | undefined>();
const chunkFile = (url: string) => (url.startsWith("file://") ? fileURLToPath(url) : url);

function sourceMapOf(url: string): SourceMap | undefined {
  if (!maps.has(url)) {
    const mapFile = `${chunkFile(url)}.map`;
    maps.set(url, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, "utf8"))) : undefined);
  }
  return maps.get(url);
}

/** The source file (and line, 1-based, when known) a frame's code came from: the original one for a bundled chunk. */
function sourceOf(frame: Frame): { source: string; line?: number } {
  const { url } = frame;
  const map = url && !url.startsWith("node:") && !url.startsWith("wasm:") ? sourceMapOf(url) : undefined;
  if (!map) return { source: url, line: frame.lineNumber + 1 };
  const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
  if (!entry || !("originalSource" in entry) || !entry.originalSource) return { source: url };
  const original = decodeURIComponent(entry.originalSource);
  // Next's precompiled runtime names its sources webpack://next/./src/…; a chunk's are relative to it.
  const bundled = /^webpack:\/\/([^/]+)\/(?:\.\/)?(.*)$/.exec(original);
  const source = bundled
    ? `node_modules/${bundled[1]}/${bundled[2]}`
    : path.resolve(path.dirname(chunkFile(url)), original);
  return { source, line: entry.originalLine + 1 };
}

// Self time by where the code lives: a package under node_modules (Next by its folder), a file
// of this repository, or Node itself.
function ownerOf(source: string): string {
  if (!source) return "(native / garbage collection / idle)";
  const modules = source.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = source.slice(modules + "node_modules/".length).split("/");
    const name = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    // Next.js by file: which of its steps (routing, rewrites, the route module, …) costs what.
    // Its sources and its compiled copies (dist/, dist/esm/) count as one file.
    if (name === "next")
      return `next/${rest
        .slice(1)
        .join("/")
        .replace(/^(src|dist\/esm|dist)\//, "")
        .replace(/\.(ts|tsx|js)$/, "")}`;
    return name ?? source;
  }
  if (source.startsWith("node:")) return source;
  const file = source.replace(/^file:\/\//, "");
  const project = file.indexOf("[project]/");
  if (project >= 0) return file.slice(project + "[project]/".length);
  const inRepository = path.relative(process.cwd(), path.resolve(file));
  return inRepository.startsWith("..") ? file : inRepository;
}

/** Our code: this repository's own files, not its packages. */
const isOurs = (owner: string) => /^(lib|app|bench|proxy\.ts|scripts)\//.test(owner) || owner === "proxy.ts";

// Where a sample outside our code belongs. Next.js calls Node's HTTP, stream and Web
// Request/Response code and its tracer (@opentelemetry/api) for us; they are its cost, not ours.
function layerOf(owner: string): string {
  if (owner.startsWith("(native")) return "garbage collection, native code (writev, JSON, …)";
  if (owner.startsWith("next/") || owner === "@opentelemetry/api") return "Next.js";
  if (owner.startsWith("node:")) return "Node.js (HTTP, streams, Web Request/Response, async hooks)";
  return `packages outside our code: ${owner}`;
}

/** Where one profile's CPU went, in ms per request, four ways (see breakdownOf). */
export interface ProfileBreakdown {
  cpuMsPerRequest: number;
  busySamples: number;
  totalSamples: number;
  layers: Map<string, number>;
  ours: Map<string, number>;
  owners: Map<string, number>;
  functions: Map<string, number>;
}

const OUR_LAYER = "this repository's code, with the packages and Node APIs it calls";
const add = (map: Map<string, number>, key: string, value: number) =>
  map.set(key, (map.get(key) ?? 0) + value);

/**
 * The profile's busy samples four ways: by layer (our code with what it calls, Next.js, Node,
 * garbage collection), what our code spends (each sample charged to the innermost frame of
 * this repository's code on its stack, so the packages and Node APIs it calls count as its
 * cost), self time by owner (package, repository file, Node module), and self time by function.
 * `cpuMsPerRequest` (the process's measured CPU per request) turns samples into ms per request.
 */
export function breakdownOf(profile: CpuProfile, cpuMsPerRequest: number): ProfileBreakdown {
  const hitsOf = new Map<number, number>();
  for (const id of profile.samples) hitsOf.set(id, (hitsOf.get(id) ?? 0) + 1);
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const sources = new Map(profile.nodes.map((node) => [node.id, sourceOf(node.callFrame)]));
  const ownerOfNode = (id: number) => ownerOf(sources.get(id)?.source ?? "");
  const busyNodes = profile.nodes.filter(
    (node) => (hitsOf.get(node.id) ?? 0) > 0 && node.callFrame.functionName !== "(idle)",
  );
  const busySamples = busyNodes.reduce((sum, node) => sum + (hitsOf.get(node.id) ?? 0), 0);
  const msPerSample = busySamples > 0 ? cpuMsPerRequest / busySamples : 0;

  const breakdown: ProfileBreakdown = {
    cpuMsPerRequest,
    busySamples,
    totalSamples: profile.samples.length,
    layers: new Map(),
    ours: new Map(),
    owners: new Map(),
    functions: new Map(),
  };
  for (const node of busyNodes) {
    const ms = (hitsOf.get(node.id) ?? 0) * msPerSample;
    const owner = ownerOfNode(node.id);
    add(breakdown.owners, owner, ms);
    const name = node.callFrame.functionName || "(anonymous)";
    // Lines identify our functions; elsewhere they differ between two builds of the same code.
    add(
      breakdown.functions,
      isOurs(owner) ? `${name} ${owner}:${sources.get(node.id)?.line ?? "?"}` : `${name} ${owner}`,
      ms,
    );
    let ours: number | undefined = node.id;
    while (ours !== undefined && !isOurs(ownerOfNode(ours))) ours = parentOf.get(ours);
    if (ours === undefined) add(breakdown.layers, layerOf(owner), ms);
    else {
      add(breakdown.layers, OUR_LAYER, ms);
      add(breakdown.ours, `${ownerOfNode(ours)}:${sources.get(ours)?.line ?? "?"}`, ms);
    }
  }
  return breakdown;
}

const largestFirst = (map: Map<string, number>, top: number) =>
  [...map.entries()].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, top);
const ms = (value: number) => `${value.toFixed(3).padStart(7)} ms`;

/** Each key's ms per request and share of the whole, largest first. */
function table(map: Map<string, number>, whole: number, top: number): string {
  return largestFirst(map, top)
    .map(
      ([name, value]) =>
        `${((100 * value) / Math.max(whole, 1e-9)).toFixed(1).padStart(5)} %  ${ms(value)}  ${name}`,
    )
    .join("\n");
}

export function formatBreakdown(breakdown: ProfileBreakdown, top = 25): string {
  const whole = breakdown.cpuMsPerRequest;
  return [
    `busy ${breakdown.busySamples} of ${breakdown.totalSamples} samples; ${whole} CPU ms per request in this process`,
    "\nby layer (share, ms per request):",
    table(breakdown.layers, whole, top),
    "\nour code, by the innermost function of ours on the stack (file:line of the function, callees included):",
    table(breakdown.ours, whole, top),
    "\nself time by owner:",
    table(breakdown.owners, whole, top),
    "\ntop functions (self time):",
    table(breakdown.functions, whole, top),
  ].join("\n");
}

/** `app` minus `floor`, ms per request: by layer, by owner and by function, largest first. */
export function formatDifference(app: ProfileBreakdown, floor: ProfileBreakdown, top = 25): string {
  const minus = (a: Map<string, number>, b: Map<string, number>) => {
    const result = new Map(a);
    for (const [key, value] of b) add(result, key, -value);
    return result;
  };
  const rows = (map: Map<string, number>) =>
    largestFirst(map, top)
      .map(
        ([name, value]) =>
          `${value >= 0 ? "+" : "-"}${ms(Math.abs(value)).trimStart().padStart(10)}  ${name}`,
      )
      .join("\n");
  return [
    `CPU per request: app ${app.cpuMsPerRequest} ms, framework floor ${floor.cpuMsPerRequest} ms, difference ${(app.cpuMsPerRequest - floor.cpuMsPerRequest).toFixed(3)} ms (${(app.cpuMsPerRequest / Math.max(floor.cpuMsPerRequest, 1e-9)).toFixed(2)}×)`,
    "\nby layer:",
    rows(minus(app.layers, floor.layers)),
    "\nself time by owner:",
    rows(minus(app.owners, floor.owners)),
    "\nself time by function:",
    rows(minus(app.functions, floor.functions)),
  ].join("\n");
}
