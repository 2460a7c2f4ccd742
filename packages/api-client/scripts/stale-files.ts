import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { documentFile, generateClient, generatedDir, packageDir } from "./generate";

/** Every file under `dir`, relative to it, sorted (none if it does not exist). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

const sameFile = (a: string, b: string) =>
  existsSync(a) && existsSync(b) && readFileSync(a).equals(readFileSync(b));

/**
 * The committed files (relative to the package) that generating from `documentText` would
 * change: the document itself and any generated file added, removed or different. Generates
 * into a temporary folder, so the working copy is left as it is.
 */
export async function staleFiles(documentText: string): Promise<string[]> {
  const temp = mkdtempSync(path.join(os.tmpdir(), "donutwork-api-client-"));
  try {
    const document = path.join(temp, "openapi.json");
    const output = path.join(temp, "generated");
    writeFileSync(document, documentText);
    await generateClient(document, output);
    const files = [...new Set([...filesUnder(generatedDir), ...filesUnder(output)])].sort();
    return [
      ...(sameFile(documentFile, document) ? [] : [documentFile]),
      ...files
        .filter((file) => !sameFile(path.join(generatedDir, file), path.join(output, file)))
        .map((file) => path.join(generatedDir, file)),
    ].map((file) => path.relative(packageDir, file));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
