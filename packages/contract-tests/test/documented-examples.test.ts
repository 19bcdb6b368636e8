import { describe, expect, it } from "vitest";
import { checkDocumentedExamples } from "../src/check-documented-examples.js";
import { checked } from "../src/check-report.js";
import { collectExamples } from "../src/collect-examples.js";
import { formatDiagnostics } from "../src/compile-fixtures.js";
import { exampleLabel } from "../src/example-label.js";
import { loadSpec } from "../src/load-spec.js";
import { isJsonObject } from "../src/openapi-document.js";
import { followRefs } from "../src/resolve-ref.js";
import { specPath } from "../src/spec-path.js";

// ATLAS_EXPORT_SPEC points the whole file at another copy of the spec (see README).
const document = await loadSpec(specPath());
const checks = await checkDocumentedExamples(document, "documented");

describe(`the documented examples of ${specPath()}`, () => {
  it("include at least one example for every response the operation documents", () => {
    const statusesWithExamples = new Set(checks.map(({ example }) => example.status));
    for (const pathItem of Object.values(document.paths)) {
      for (const operation of Object.values(pathItem)) {
        if (!isJsonObject(operation) || !isJsonObject(operation["responses"])) continue;
        for (const [status, response] of Object.entries(operation["responses"])) {
          const { node } = followRefs(document, response, `responses/${status}`);
          if (!isJsonObject(node["content"])) continue;
          expect(statusesWithExamples, `response ${status} has content but no example`).toContain(status);
        }
      }
    }
    expect([...statusesWithExamples].sort()).toEqual(
      expect.arrayContaining(["200", "401", "403", "404", "429", "500"]),
    );
  });

  it("are found where they live, following each response's $ref into components/responses", () => {
    for (const pathItem of Object.values(document.paths)) {
      for (const operation of Object.values(pathItem)) {
        if (!isJsonObject(operation) || !isJsonObject(operation["responses"])) continue;
        for (const [status, response] of Object.entries(operation["responses"])) {
          if (!isJsonObject(response) || typeof response["$ref"] !== "string") continue;
          const pointers = collectExamples(document)
            .filter((example) => example.status === status)
            .map((example) => example.pointer);
          for (const pointer of pointers)
            expect(pointer.startsWith(`${response["$ref"]}/content/`)).toBe(true);
        }
      }
    }
  });

  describe.each(checks.map((check) => [exampleLabel(check.example), check] as const))(
    "%s",
    (label, check) => {
      const { example } = check;
      const record = (name: string) => ({
        example: label,
        type: example.typeExpression,
        schema: example.schemaPointer,
        check: name,
      });

      it("compiles against its generated type with excess-property checks", () =>
        checked(record("types"), () => {
          expect(check.typeErrors, formatDiagnostics(check.typeErrors)).toEqual([]);
        }));

      it("validates against its schema with OpenAPI 3.0 semantics", () =>
        checked(record("schema"), () => {
          expect(check.schemaErrors).toEqual([]);
        }));

      it("documents no field its schema does not declare", () =>
        checked(record("closed schema"), () => {
          expect(check.closedSchemaErrors).toEqual([]);
        }));
    },
  );
});
