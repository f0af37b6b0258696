import { defineConfig } from "vitest/config";
import { isTransientConnectionError } from "./server/src/db/connection-errors.js";

// Two copies of graphql clash ("from another module or realm"): pin the ESM entry (STACK.md).
const alias = [{ find: /^graphql$/, replacement: "graphql/index.js" }];

export default defineConfig({
  resolve: { alias },
  test: {
    // The same policy as the API and the worker (server/src/process-guards.ts): postgres.js drops the promise of
    // its array-type fetch on a new connection, so a test that terminates backends can see that connection error
    // rejected unhandled (porsager/postgres#1192). Only that kind is ignored; any other unhandled error fails the run.
    onUnhandledError: (error) => !isTransientConnectionError(error),
    projects: [
      { resolve: { alias }, test: { name: "shared", include: ["shared/src/**/*.test.ts"] } },
      // The console's pure modules (locales, rules); components are checked in the browser tests.
      { resolve: { alias }, test: { name: "admin", include: ["admin/src/**/*.test.ts"] } },
      // Pure parts of the scripts (the simulator's statistics and decisions): no database, no API.
      { resolve: { alias }, test: { name: "scripts", include: ["scripts/**/*.test.ts"] } },
      {
        resolve: { alias },
        test: {
          name: "server",
          include: ["server/src/**/*.test.ts"],
          globalSetup: ["server/src/testing/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["server/src/testing/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Browser tests: a fresh console build served by a started API, driven by playwright-core and Chromium.
          name: "e2e",
          include: ["tests/e2e/**/*.e2e.test.ts"],
          // Build first: the template database is made last, so a parallel run of another migration set has less time to drop it.
          globalSetup: ["tests/e2e/build-admin.ts", "server/src/testing/global-setup.ts"],
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
