import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  version: string;
};

export default defineConfig({
  define: { __ATLAS_EXPORT_CLIENT_VERSION__: JSON.stringify(version) },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/clear-proxy-environment.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
