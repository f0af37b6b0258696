import { defineConfig } from "vitest/config";

// Two copies of graphql clash ("from another module or realm"): pin the ESM entry (STACK.md).
const alias = [{ find: /^graphql$/, replacement: "graphql/index.js" }];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "shared", include: ["shared/src/**/*.test.ts"] } },
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
    ],
  },
});
