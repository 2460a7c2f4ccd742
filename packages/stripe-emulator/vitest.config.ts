import { defineConfig } from "vitest/config";

// The package's own test run (`npm test -w @donutwork/stripe-emulator`); the root config also
// includes these files, so `npm test` runs them too.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
