import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleSize, type BundleSize } from "../src/bundle-size.js";

let folder: string;
let size: BundleSize;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "bundle-size-"));
  // Varied text, so that gzip has something to do and every module has a size of its own.
  const text = (seed: number) =>
    JSON.stringify(Array.from({ length: 200 }, (_, i) => ((i * 7919 + seed) % 10007).toString(36)));
  await writeFile(join(folder, "shared.js"), `export const shared = ${text(1)};\n`);
  await writeFile(join(folder, "alpha-part.js"), `export const alpha = ${text(2)};\n`);
  await writeFile(
    join(folder, "beta-part.js"),
    `import { shared } from "./shared.js";\nexport const beta = [${text(3)}, shared];\n`,
  );
  size = await bundleSize(
    `export { shared } from "${folder}/shared.js";\n` +
      `export const loadAlpha = () => import("${folder}/alpha-part.js");\n` +
      `export const loadBeta = () => import("${folder}/beta-part.js");\n`,
  );
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("bundleSize", () => {
  it("counts the dynamically imported modules as lazy, not up front", () => {
    expect(size.gzipped).toBeGreaterThan(0);
    expect(size.lazy.gzipped).toBeGreaterThan(0);
  });

  it("adds nothing to what loads up front when no lazy part is named", () => {
    expect(size.loadedWith()).toBe(size.gzipped);
  });

  it("adds the named lazy chunk and what it imports, and all of them together make up the whole bundle", () => {
    const withAlpha = size.loadedWith("alpha-part");
    const withBeta = size.loadedWith("beta-part");
    expect(withAlpha).toBeGreaterThan(size.gzipped);
    expect(withBeta).toBeGreaterThan(size.gzipped);
    expect(size.loadedWith("alpha-part", "beta-part")).toBe(size.gzipped + size.lazy.gzipped);
    expect(withAlpha - size.gzipped + (withBeta - size.gzipped)).toBe(size.lazy.gzipped);
  });

  it("refuses a prefix that names no chunk instead of counting it as nothing", () => {
    expect(() => size.loadedWith("gamma-part")).toThrow(/no chunk of the bundle starts with gamma-part/);
  });
});
