import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { repoPaths } from "./repo-paths.js";

export interface BundleSize {
  minified: number;
  gzipped: number;
}

/**
 * Bundles an entry module (given as source, resolved from packages/bench) the way an application bundler
 * would ship it for Node: everything but Node's built-ins inlined, minified, then gzip -9.
 */
export async function bundleSize(entrySource: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: entrySource, resolveDir: repoPaths.bench, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error("@atlas-export/bench: esbuild produced no output");
  return {
    minified: output.contents.byteLength,
    gzipped: gzipSync(output.contents, { level: 9 }).byteLength,
  };
}
