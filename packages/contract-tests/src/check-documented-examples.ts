import type { ErrorObject } from "ajv";
import { collectExamples } from "./collect-examples.js";
import { compileFixtures, type CompilerDiagnostic } from "./compile-fixtures.js";
import { createSpecAjv } from "./create-spec-ajv.js";
import type { DocumentedExample } from "./documented-example.js";
import type { OpenApiDocument } from "./openapi-document.js";
import { writeFixtures } from "./write-fixtures.js";

export interface ExampleCheck {
  example: DocumentedExample;
  /** Compiler diagnostics for the example's generated fixture file; empty when it type-checks. */
  typeErrors: CompilerDiagnostic[];
  /** ajv errors against the schema as written (open objects). */
  schemaErrors: ErrorObject[];
  /** ajv errors with objects closed: an example may not document a field its schema does not declare. */
  closedSchemaErrors: ErrorObject[];
}

/**
 * Checks every example response of the spec three ways: compiled against its generated type (fixtures
 * written to `.fixtures/<folder>/`), validated against its schema, and against the closed schema.
 */
export async function checkDocumentedExamples(
  document: OpenApiDocument,
  folder: string,
  examples: readonly DocumentedExample[] = collectExamples(document),
): Promise<ExampleCheck[]> {
  const fixtures = await writeFixtures(folder, examples);
  const diagnostics = compileFixtures(fixtures.map(({ file }) => file));
  const open = createSpecAjv(document);
  const closed = createSpecAjv(document, { closed: true });
  const programWide = diagnostics.filter((d) => d.file === undefined);
  return fixtures.map(({ example, file }) => {
    const validateOpen = open.validatorFor(example.schemaPointer);
    const validateClosed = closed.validatorFor(example.schemaPointer);
    validateOpen(example.value);
    validateClosed(example.value);
    return {
      example,
      typeErrors: [...programWide, ...diagnostics.filter((d) => d.file === file)],
      schemaErrors: [...(validateOpen.errors ?? [])],
      closedSchemaErrors: [...(validateClosed.errors ?? [])],
    };
  });
}
