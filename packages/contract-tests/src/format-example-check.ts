import type { ExampleCheck } from "./check-documented-examples.js";
import { formatDiagnostics } from "./compile-fixtures.js";
import { exampleLabel } from "./example-label.js";

/** A few lines per example: OK, or each compiler and schema error with where it points. */
export function formatExampleCheck(check: ExampleCheck): string {
  const label = `${exampleLabel(check.example)} (${check.example.pointer})`;
  const problems = [
    ...(check.typeErrors.length > 0 ? [`  types:\n${indent(formatDiagnostics(check.typeErrors))}`] : []),
    ...[
      ["schema", check.schemaErrors],
      ["closed schema", check.closedSchemaErrors],
    ]
      .filter(([, errors]) => errors.length > 0)
      .map(
        ([name, errors]) =>
          `  ${name} ${check.example.schemaPointer}:\n${indent(
            (errors as ExampleCheck["schemaErrors"])
              .map(
                (e) => `${e.instancePath || "(root)"} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
              )
              .join("\n"),
          )}`,
      ),
  ];
  return problems.length === 0 ? `ok   ${label}` : `FAIL ${label}\n${problems.join("\n")}`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
