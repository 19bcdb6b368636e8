import { describe, expect, it } from "vitest";
import { onFirstUse } from "../src/on-first-use.js";

describe("onFirstUse", () => {
  it("starts the load once and shares it between callers", async () => {
    let loads = 0;
    const load = onFirstUse(async () => ({ id: ++loads }));
    const [first, second] = await Promise.all([load(), load()]);
    expect(first).toBe(second);
    expect(await load()).toBe(first);
    expect(loads).toBe(1);
  });

  it("forgets a failed load so that the next call tries again", async () => {
    let loads = 0;
    const load = onFirstUse(async () => {
      loads += 1;
      if (loads === 1) throw new Error("disk hiccup");
      return "loaded";
    });
    await expect(load()).rejects.toThrow("disk hiccup");
    await expect(load()).resolves.toBe("loaded");
    expect(loads).toBe(2);
  });
});
