import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The domain (lib/server, and outgoing webhooks in lib/webhooks), its Stripe calls (lib/stripe),
// staff auth (lib/auth) and the errors (lib/errors) know nothing of HTTP: lib/api calls into them
// and maps their errors to problem documents, never the other way round, so the layers have no
// cycle and a domain function can run from the CLI, a job or a test without the API layer.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .map((file) => path.join(dir, file));
}

/** Every module a file imports or re-exports, resolved to a path from the repository root. */
function importsOf(file: string, source = readFileSync(file, "utf8")): string[] {
  const specifiers = [...source.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']/g)].map(
    (match) => match[1] ?? "",
  );
  return specifiers.map((specifier) =>
    specifier.startsWith("@/")
      ? specifier.slice(2)
      : specifier.startsWith(".")
        ? path.relative(process.cwd(), path.resolve(path.dirname(file), specifier))
        : specifier,
  );
}

const API = path.join("lib", "api");
const importsLibApi = (file: string, source?: string) =>
  importsOf(file, source).some((target) => target === API || target.startsWith(`${API}${path.sep}`));

describe("the domain layer", () => {
  it.each(["lib/server", "lib/webhooks", "lib/stripe", "lib/auth", "lib/errors"])(
    "%s imports nothing from lib/api",
    (folder) => {
      const files = sourceFiles(path.resolve(folder));
      expect(files.length).toBeGreaterThan(0);
      const offenders = files
        .filter((file) => importsLibApi(file))
        .map((file) => path.relative(process.cwd(), file));
      expect(offenders).toEqual([]);
    },
  );

  it("the detector sees relative and aliased imports of lib/api, and nothing else", () => {
    const probe = path.resolve("lib/server/customers/probe.ts");
    expect(importsLibApi(probe, 'import { AppError } from "../../api/api-error";')).toBe(true);
    expect(importsLibApi(probe, 'import { page } from "@/lib/api/cursor";')).toBe(true);
    expect(importsLibApi(probe, 'export { x } from "../../api";')).toBe(true);
    expect(importsLibApi(probe, 'import { AppError } from "../../errors/app-error";')).toBe(false);
    expect(importsLibApi(probe, 'import { x } from "../../api-reference/page";')).toBe(false);
  });
});
