import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");
const alias = { "~": path.join(root, "app") };

// Three kinds of tests; integration and browser tests get a fresh PostgreSQL database per test file.
export default defineConfig({
  root,
  resolve: { alias },
  test: {
    globalSetup: ["tests/support/global-setup.ts"],
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", root, include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          root,
          include: ["tests/integration/**/*.test.ts"],
          setupFiles: ["tests/support/database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          root,
          include: ["tests/e2e/**/*.test.ts"],
          setupFiles: ["tests/support/database.ts"],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // One browser at a time: the machines have two cores.
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
