import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { askConfirmation } from "../src/ask-confirmation.js";

async function answer(typed: string | undefined) {
  const input = new PassThrough();
  const output = new PassThrough();
  let asked = "";
  output.on("data", (chunk: Buffer) => (asked += chunk.toString()));
  const result = askConfirmation("Delete export bucket x?", { input, output });
  if (typed === undefined) input.end();
  else input.write(typed);
  return { result: await result, asked };
}

describe("askConfirmation", () => {
  it.each([
    ["y\n", true],
    ["YES\n", true],
    [" yes \n", true],
    ["n\n", false],
    ["\n", false],
    ["sure\n", false],
  ])("reads %j as %s", async (typed, want) => {
    const { result, asked } = await answer(typed);
    expect(result).toBe(want);
    expect(asked).toBe("Delete export bucket x? [y/N] ");
  });

  it("takes the end of input as no", async () => {
    expect((await answer(undefined)).result).toBe(false);
  });
});
