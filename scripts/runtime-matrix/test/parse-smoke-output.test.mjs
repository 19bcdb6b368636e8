import { describe, expect, it } from "vitest";
import { parseSmokeOutput } from "../parse-smoke-output.mjs";

describe("parseSmokeOutput", () => {
  it("reads passed and failed checks with their details, ignoring other lines", () => {
    const stdout = [
      "ok runtime: bun 1.4.5",
      "(node:1) ExperimentalWarning: something",
      "ok close",
      "not ok 404 is AtlasApiError: expected AtlasApiError, got a job: id 1",
    ].join("\n");
    expect(parseSmokeOutput(stdout)).toEqual([
      { name: "runtime", ok: true, detail: "bun 1.4.5" },
      { name: "close", ok: true, detail: "" },
      { name: "404 is AtlasApiError", ok: false, detail: "expected AtlasApiError, got a job: id 1" },
    ]);
  });

  it("finds nothing in output without check lines", () => {
    expect(parseSmokeOutput("Segmentation fault\n")).toEqual([]);
  });
});
