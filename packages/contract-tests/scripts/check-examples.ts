// Checks every example (requests and responses) of the spec against its generated type and its schema,
// the way the test suite does, and exits 1 on any problem, 2 when the spec cannot be checked at all (one
// line naming the file, or the operation and the node). `ATLAS_EXPORT_SPEC=<file>` checks another copy:
//
//   pnpm --filter @atlas-export/contract-tests check:examples
//   ATLAS_EXPORT_SPEC=/tmp/candidate.yaml pnpm --filter @atlas-export/contract-tests check:examples
//
// The fixtures it compiles are left in .fixtures/<folder>/ (gitignored) for inspection.
import { BadSpecError } from "../src/bad-spec-error.js";
import { checkDocumentedExamples } from "../src/check-documented-examples.js";
import { formatExampleCheck } from "../src/format-example-check.js";
import { loadSpec } from "../src/load-spec.js";
import type { OpenApiDocument } from "../src/openapi-document.js";
import { specPath } from "../src/spec-path.js";

const path = specPath();
let document: OpenApiDocument;
try {
  document = await loadSpec(path);
} catch (error) {
  if (!(error instanceof BadSpecError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const checks = await checkDocumentedExamples(document, process.argv[2] ?? "check-examples");
const failed = checks.filter(
  (c) => c.typeErrors.length + c.schemaErrors.length + c.closedSchemaErrors.length > 0,
).length;
console.log(`Examples of ${path}:`);
for (const check of checks) console.log(formatExampleCheck(check));
console.log(`examples: ${checks.length - failed} ok, ${failed} failing`);
if (failed > 0 || checks.length === 0) process.exitCode = 1;
