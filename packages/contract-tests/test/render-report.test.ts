import { describe, expect, it } from "vitest";
import { loadSpec } from "../src/load-spec.js";
import { readDeviations } from "../src/read-deviations.js";
import { renderReport } from "../src/render-report.js";

describe("the printed report", () => {
  it("lists each example once with its type, schema, passed and failed checks", () => {
    const record = { example: '200 application/x "documented"', type: "T200", schema: "#/S" };
    const report = renderReport(
      [
        { ...record, check: "types", passed: true },
        { ...record, check: "schema", passed: false },
        { ...record, check: "prism+client", passed: true },
      ],
      [],
    );
    expect(report).toContain(
      '| 200 application/x "documented" | T200           | #/S    | prism+client, types | schema |',
    );
    expect(report.match(/documented/g)).toHaveLength(1);
  });

  it("lists every deviation the spec records in x-atlas-export-deviations", async () => {
    const deviations = readDeviations(await loadSpec());
    expect(deviations.length).toBeGreaterThan(0);
    const report = renderReport([], deviations);
    for (const { location, kind } of deviations)
      expect(report).toMatch(
        new RegExp(`\\| ${location.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} +\\| ${kind} +\\|`),
      );
    expect(report).toContain(`(${deviations.length}):`);
  });
});
