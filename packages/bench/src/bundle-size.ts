import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { repoPaths } from "./repo-paths.js";

export interface BundleSize {
  /** Minified bytes loaded up front: the entry chunk and every chunk it imports statically. */
  minified: number;
  /** The same, gzip -9 (each chunk compressed on its own, as each is fetched or read on its own). */
  gzipped: number;
  /** Minified and gzipped bytes of the chunks reached only through `import()`, loaded on first use. */
  lazy: { minified: number; gzipped: number; byPackage: [name: string, bytes: number][] };
  /** Minified bytes each package contributes up front, largest first (`packages/<name>` for workspace packages). */
  byPackage: [name: string, bytes: number][];
  /**
   * Gzipped bytes loaded once the lazy chunks of the modules whose file names start with each prefix have
   * loaded too (with what they import statically): what a program that needs those parts loads in all.
   * Throws when a prefix names no chunk, so a renamed module cannot silently count as nothing.
   */
  loadedWith(...chunkPrefixes: string[]): number;
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
 * would ship it for Node: everything but Node's built-ins inlined, minified, dynamic `import()`s split into
 * chunks of their own (as webpack, Rollup/Vite and esbuild with `splitting` do), then gzip -9.
 */
export async function bundleSize(entrySource: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: entrySource, resolveDir: repoPaths.bench, loader: "js", sourcefile: "entry.js" },
    bundle: true,
    splitting: true,
    outdir: "/bundle",
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint !== undefined);
  if (entry === undefined) throw new Error("@atlas-export/bench: esbuild produced no entry chunk");
  // The entry and what it imports statically, transitively: what loading the package loads.
  const staticClosure = (roots: string[]): Set<string> => {
    const reached = new Set<string>();
    const visit = (path: string) => {
      if (reached.has(path) || outputs[path] === undefined) return;
      reached.add(path);
      for (const imported of outputs[path].imports)
        if (imported.kind === "import-statement") visit(imported.path);
    };
    roots.forEach(visit);
    return reached;
  };
  const eager = staticClosure([entry]);
  const gzippedBytes = new Map<string, number>();
  const sizes = { minified: 0, gzipped: 0, lazy: { minified: 0, gzipped: 0 } };
  for (const file of result.outputFiles) {
    const path = Object.keys(outputs).find((output) =>
      file.path.endsWith(output.replace(/^.*?\/bundle\//, "/bundle/")),
    );
    const gzipped = gzipSync(file.contents, { level: 9 }).byteLength;
    if (path !== undefined) gzippedBytes.set(path, gzipped);
    const bucket = path !== undefined && eager.has(path) ? sizes : sizes.lazy;
    bucket.minified += file.contents.byteLength;
    bucket.gzipped += gzipped;
  }
  const loadedWith = (...chunkPrefixes: string[]): number => {
    const roots = [entry];
    for (const prefix of chunkPrefixes) {
      const named = Object.keys(outputs).filter((path) => path.split("/").pop()!.startsWith(prefix));
      if (named.length === 0)
        throw new Error(`@atlas-export/bench: no chunk of the bundle starts with ${prefix}`);
      roots.push(...named);
    }
    let total = 0;
    for (const path of staticClosure(roots)) total += gzippedBytes.get(path) ?? 0;
    return total;
  };
  const byPackage = (paths: string[]): [string, number][] => {
    const totals = new Map<string, number>();
    for (const path of paths) {
      for (const [input, { bytesInOutput }] of Object.entries(outputs[path]?.inputs ?? {})) {
        totals.set(packageOf(input), (totals.get(packageOf(input)) ?? 0) + bytesInOutput);
      }
    }
    return [...totals.entries()].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
  };
  return {
    minified: sizes.minified,
    gzipped: sizes.gzipped,
    lazy: { ...sizes.lazy, byPackage: byPackage(Object.keys(outputs).filter((path) => !eager.has(path))) },
    byPackage: byPackage([...eager]),
    loadedWith,
  };
}
