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
  // The documentation page documents an example for every status of getBackupExportJob; the operations
  // taken from upstream have the examples upstream has (lists have none), and Prism checks their bodies
  // as it generates them (client-vs-prism.test.ts).
  it("include an example for every response body of getBackupExportJob", () => {
    const documented = new Set(checks.map(({ example }) => `${example.operationId} ${example.status}`));
    for (const pathItem of Object.values(document.paths)) {
      for (const operation of Object.values(pathItem)) {
        if (!isJsonObject(operation) || !isJsonObject(operation["responses"])) continue;
        for (const [status, response] of Object.entries(operation["responses"])) {
          const { node } = followRefs(document, response, `responses/${status}`);
          const content = isJsonObject(node["content"]) ? Object.values(node["content"]) : [];
          // A 204 names its media type but has no body (no schema) to give an example of.
          if (!content.some((media) => isJsonObject(media) && media["schema"] !== undefined)) continue;
          if (operation["operationId"] !== "getBackupExportJob") continue;
          const key = `${String(operation["operationId"])} ${status}`;
          expect(documented, `${key} has a body but no example`).toContain(key);
        }
      }
    }
    const statuses = new Set(checks.map(({ example }) => example.status));
    expect([...statuses]).toEqual(expect.arrayContaining(["200", "401", "403", "404", "429", "500"]));
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
