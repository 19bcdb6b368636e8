import { defineConfig } from "tsup";

// A bin-only package: one ESM entry, no declarations (nothing is exported as an API).
// tsup keeps the entry's hashbang and marks the output executable.
export default defineConfig({
  entry: ["src/cli.ts"],
  format: ["esm"],
  dts: false,
  clean: true,
  sourcemap: true,
  target: "node20",
});
