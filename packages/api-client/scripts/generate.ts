import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@hey-api/openapi-ts";

/** The package's folder, whatever the working directory (npm runs workspace scripts inside it). */
export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The OpenAPI document the client is generated from, committed beside the code made from it. */
export const documentFile = path.join(packageDir, "openapi.json");
/** The generated code: the package's source, committed, never edited by hand. */
export const generatedDir = path.join(packageDir, "src/generated");

/**
 * Generates the client from an OpenAPI document into `outputDir` (emptied first): the types of
 * every schema, one function per operation named by its operationId, and hey-api's fetch client
 * bundled in, so the package needs nothing at run time.
 */
export async function generateClient(documentPath: string, outputDir: string): Promise<void> {
  await createClient({
    input: documentPath,
    // The package's own tsconfig, whatever the working directory: it decides how imports are written.
    output: { path: outputDir, clean: true, tsConfigPath: path.join(packageDir, "tsconfig.json") },
    plugins: ["@hey-api/client-fetch", "@hey-api/typescript", "@hey-api/sdk"],
    logs: { level: "silent", file: false },
  });
}

// `npm run generate -w @donutwork/api-client`: regenerates the code from the committed document
// (the repository's `npm run api:client` writes that document first).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await generateClient(documentFile, generatedDir);
  console.log(`Generated ${path.relative(process.cwd(), generatedDir)} from ${path.basename(documentFile)}`);
}
