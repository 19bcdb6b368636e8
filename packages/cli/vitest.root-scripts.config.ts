import { defineConfig } from "vitest/config";

// `npm run atlas-export` / `npm run atlas-export-mock` from the repository root, run alone (see vitest.config.ts).
export default defineConfig({
  test: {
    include: ["test/root-scripts/**/*.test.ts"],
    testTimeout: 180_000,
  },
});
