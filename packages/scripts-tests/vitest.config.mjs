import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The tests live beside the scripts they test (scripts/<tool>/test/); this package only runs them.
const root = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  test: {
    root,
    include: ["scripts/**/test/**/*.test.mjs"],
    testTimeout: 30_000,
  },
});
