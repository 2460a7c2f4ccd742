import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// Scalar's browser bundle, served by the app itself from the installed @scalar/api-reference:
// the API reference loads nothing from a CDN (machines may have no internet, and the pages' CSP
// allows scripts from this origin only).

// Resolved from the app's root at run time, not by the bundler: the file is served, not imported.
const requireFromApp = createRequire(path.join(process.cwd(), "package.json"));

const bundlePath = () => requireFromApp.resolve("@scalar/api-reference/browser/standalone.js");

let bundleUrl: string | undefined;

/** The bundle's URL; the version in it lets browsers cache each release for good. */
export function scalarBundleUrl(): string {
  // The package exports no package.json; it sits two folders above dist/browser/standalone.js.
  const manifest = path.resolve(path.dirname(bundlePath()), "../../package.json");
  bundleUrl ??= `/docs/api/standalone.js?v=${encodeURIComponent(
    (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version,
  )}`;
  return bundleUrl;
}

let bundle: Uint8Array<ArrayBuffer> | undefined;

/** The bundle's bytes, read once per process (3.5 MB, compressed on the way out by Next.js). */
export function scalarBundle(): Uint8Array<ArrayBuffer> {
  bundle ??= new Uint8Array(readFileSync(bundlePath()));
  return bundle;
}
