import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The root scripts build the workspace with turbo (cache restores rewrite other packages' dist/) and may
    // install dependencies: inside `turbo run test` that races the other packages' tests. `.ci/run` runs
    // them on their own after `npm test` (`pnpm --filter @atlas-export/cli test:root-scripts`).
    exclude: ["test/root-scripts/**", "**/node_modules/**"],
    globalSetup: ["test/support/build-once.ts"],
    // The end-to-end tests spawn the built CLI and the demo script; give them room on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
