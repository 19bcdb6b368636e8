import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { repoPaths } from "./repo-paths.js";

export interface BundleSize {
  minified: number;
  gzipped: number;
  /** Minified bytes each package contributes, largest first (`packages/<name>` for workspace packages). */
  byPackage: [name: string, bytes: number][];
}

/** `…/node_modules/.pnpm/x@1/node_modules/@scope/name/file.js` -> `@scope/name`; `../client/dist/x.js` -> `packages/client`. */
function packageOf(inputPath: string): string {
  const modules = inputPath.split("node_modules/").pop() ?? inputPath;
  if (modules !== inputPath) {
    const [first, second] = modules.split("/");
    return first?.startsWith("@") ? `${first}/${second}` : (first ?? inputPath);
  }
  const workspace = /(?:^|\/)(?:packages\/)?(client|types|mock-server|cli)\/(?:dist|src)\//.exec(
    inputPath,
  )?.[1];
  return workspace ? `packages/${workspace}` : inputPath;
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
    metafile: true,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error("@atlas-export/bench: esbuild produced no output");
  const totals = new Map<string, number>();
  for (const meta of Object.values(result.metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(meta.inputs)) {
      totals.set(packageOf(path), (totals.get(packageOf(path)) ?? 0) + bytesInOutput);
    }
  }
  return {
    minified: output.contents.byteLength,
    gzipped: gzipSync(output.contents, { level: 9 }).byteLength,
    byPackage: [...totals.entries()].sort((a, b) => b[1] - a[1]),
  };
}
