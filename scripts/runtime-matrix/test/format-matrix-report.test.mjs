import { describe, expect, it } from "vitest";
import { formatMatrixReport } from "../format-matrix-report.mjs";

const result = (label, status, extra = {}) => ({
  runtime: { label },
  status,
  version: "1.0.0",
  source: "npm x@1.0.0",
  checks: [],
  error: "",
  seconds: 2.25,
  ...extra,
});

describe("formatMatrixReport", () => {
  it("prints one row per runtime and the count of passes", () => {
    const report = formatMatrixReport([result("Node 22", "pass"), result("Bun", "pass")], 12.4);
    expect(report).toContain("| Node 22 | 1.0.0   | npm x@1.0.0    | pass   | 2.3     |");
    expect(report).toMatch(/runtime matrix: 2 of 2 runtimes passed in 12 s$/);
  });

  it("names a runtime that could not be installed and why", () => {
    const report = formatMatrixReport(
      [result("Deno", "unavailable", { error: "Deno: could not install deno@2.0.0" })],
      1,
    );
    expect(report).toContain("FAIL: could not install");
    expect(report).toContain("Deno: Deno: could not install deno@2.0.0");
    expect(report).toMatch(/0 of 1 runtimes passed/);
  });

  it("names the first failing check of a failed runtime", () => {
    const checks = [
      { name: "digest auth", ok: true, detail: "" },
      { name: "retry after 503", ok: false, detail: "AtlasApiError: 503 SERVICE_UNAVAILABLE" },
    ];
    const report = formatMatrixReport([result("Bun", "fail", { checks })], 1);
    expect(report).toContain("Bun: retry after 503: AtlasApiError: 503 SERVICE_UNAVAILABLE");
  });
});
