// The start-up tests start the app from the build, as a user's second `npm start` would: build
// once here if the sources changed, so that no test pays for (or races on) a build.
import { buildIfStale } from "../../../lib/runtime/next-server";

export default async function setup() {
  await buildIfStale((line) => console.log(`[startup tests] ${line}`));
}
