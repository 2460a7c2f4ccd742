import path from "node:path";
import { defineConfig } from "vitest/config";

// First-run situations (a private home as root, a taken port, a full or read-only data dir, two
// starts, Ctrl-C during the first migration, a database that refuses us): each test starts the
// app with `npm start` as a user would, so they run one at a time, from the build.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/startup/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/startup/support/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
