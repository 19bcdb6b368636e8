import { resolve } from "node:path";
import { repoRoot } from "./package-paths.js";

/**
 * The spec the contract tests read: `ATLAS_EXPORT_SPEC` when set (so a test or a maintainer can point the
 * whole pipeline at a corrupted or candidate copy), else the checked-in `spec/openapi.yaml`.
 */
export function specPath(env: NodeJS.ProcessEnv = process.env): string {
  const override = env["ATLAS_EXPORT_SPEC"];
  return override ? resolve(override) : resolve(repoRoot, "spec/openapi.yaml");
}
