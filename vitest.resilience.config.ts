import path from "node:path";
import { defineConfig } from "vitest/config";

// Fault, race and multi-instance tests: they start their own app processes (from the build that
// `npm test` made), kill them, cut the database away, and take minutes, so they run on their own.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/resilience/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
