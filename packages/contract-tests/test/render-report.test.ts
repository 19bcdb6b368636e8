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
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    for (const { location, kind, operationId } of deviations)
      expect(report).toMatch(
        new RegExp(`\\| ${escape(operationId ?? "(components)")} +\\| ${escape(location)} +\\| ${kind} +\\|`),
      );
    expect(report).toContain(`(${deviations.length}):`);
  });

  it("reads the operation of an `operations.<operationId>.` location, and none for a component's", () => {
    const document = {
      openapi: "3.0.3",
      paths: { "/a": { get: { operationId: "getA" } } },
      "x-atlas-export-deviations": [
        { location: "operations.getA.parameters.query.pretty", kind: "added", why: " page " },
        { location: "schemas.A.properties.b", kind: "removed", why: "upstream" },
      ],
    };
    expect(readDeviations(document)).toEqual([
      {
        location: "operations.getA.parameters.query.pretty",
        operationId: "getA",
        kind: "added",
        why: "page",
      },
      { location: "schemas.A.properties.b", operationId: undefined, kind: "removed", why: "upstream" },
    ]);
  });

  it("refuses a deviation of an operation the spec does not have, naming the entry", () => {
    const document = {
      openapi: "3.0.3",
      paths: {},
      "x-atlas-export-deviations": [{ location: "operations.getGone.operationId", kind: "changed" }],
    };
    expect(() => readDeviations(document)).toThrow(
      "contract-tests: #/x-atlas-export-deviations/0: location operations.getGone.operationId names operation getGone, which the spec does not have",
    );
  });
});
