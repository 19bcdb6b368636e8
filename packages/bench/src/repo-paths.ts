import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

const bench = fileURLToPath(new URL("..", import.meta.url));
const root = resolve(bench, "../..");

/** Where the bench finds the repository and the shared, read-only upstream specs (`<repo>/../shared`). */
export const repoPaths = {
  root,
  bench,
  types: resolve(root, "packages/types"),
  shared: resolve(root, "../shared"),
  upstreamSpec: resolve(root, "../shared/upstream/atlas-v2-2026-08-21.yaml"),
  results: resolve(bench, "RESULTS.md"),
  readme: resolve(root, "README.md"),
};
