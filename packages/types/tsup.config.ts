import { defineConfig } from "tsup";

export default defineConfig({
  // The two validators are also entries of their own, so the client checks path parameters on every call
  // without loading the job validator, which it loads lazily (validateResponses).
  entry: [
    "src/index.ts",
    "src/validators.ts",
    "src/validate-backup-export-job.ts",
    "src/validate-path-parameter.ts",
    "src/validate-response.ts",
  ],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
});
