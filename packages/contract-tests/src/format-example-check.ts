import type { ErrorObject } from "ajv";
import type { ExampleCheck } from "./check-documented-examples.js";
import { formatDiagnostics } from "./compile-fixtures.js";
import { exampleLabel } from "./example-label.js";

/** A few lines per example: OK, or each compiler and schema error with where it points. */
export function formatExampleCheck(check: ExampleCheck): string {
  const label = `${exampleLabel(check.example)} (${check.example.pointer})`;
  const problems: string[] = [];
  if (check.typeErrors.length > 0) {
    problems.push(`  types:\n${indent(formatDiagnostics(check.typeErrors))}`);
  }
  const schemaChecks: [string, ErrorObject[]][] = [
    ["schema", check.schemaErrors],
    ["closed schema", check.closedSchemaErrors],
  ];
  for (const [name, errors] of schemaChecks) {
    if (errors.length === 0) continue;
    const lines = errors.map(
      (e) => `${e.instancePath || "(root)"} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
    );
    problems.push(`  ${name} ${check.example.schemaPointer}:\n${indent(lines.join("\n"))}`);
  }
  return problems.length === 0 ? `ok   ${label}` : `FAIL ${label}\n${problems.join("\n")}`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
