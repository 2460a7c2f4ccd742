// npm run api:client: writes the OpenAPI document the app serves (openApiDocument(), no server
// needed) into packages/api-client and regenerates the typed client from it. Run it after
// changing an operation or a schema, and commit what it changes.
// `-- --check` (part of `npm run check`) changes nothing: it generates into a temporary folder and
// fails, naming the files, when the committed client is not what the document gives.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openApiDocument } from "../lib/openapi/document";
import { documentFile, generateClient, generatedDir } from "../packages/api-client/scripts/generate";
import { staleFiles } from "../packages/api-client/scripts/stale-files";

/** The document as committed in the package: the served JSON, indented, one final newline. */
export const documentText = () => `${JSON.stringify(openApiDocument(), null, 2)}\n`;

async function main() {
  if (process.argv.includes("--check")) {
    const stale = await staleFiles(documentText());
    if (stale.length === 0) return;
    console.error(
      `The generated API client is stale (run \`npm run api:client\` and commit the result):\n${stale
        .map((file) => `  packages/api-client/${file}`)
        .join("\n")}`,
    );
    process.exitCode = 1;
    return;
  }
  writeFileSync(documentFile, documentText());
  await generateClient(documentFile, generatedDir);
  console.log("Wrote packages/api-client/openapi.json and regenerated packages/api-client/src/generated");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
