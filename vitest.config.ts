import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: [
      "lib/**/*.test.ts",
      "tests/**/*.test.ts",
      "scripts/**/*.test.ts",
      "packages/*/src/**/*.test.ts",
    ],
    exclude: ["tests/resilience/**", "tests/startup/**", "**/node_modules/**"],
    environment: "node",
    // Database tests use the embedded PostgreSQL of the test data dir unless TEST_DATABASE_URL is set.
    env: { DONUTWORK_DATA_DIR: process.env.DONUTWORK_DATA_DIR ?? ".data-test" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
