// Renders src/generated/operation-table.ts: one plain entry per operation (method, path template, media
// types, parameter names, success status, pagination), for code that is generic over operations — the
// client's methods and the emulator's routes — instead of a copy of the spec per operation.
import { generatedHeader } from "./generated-header.mjs";

/** The generated `src/generated/operation-table.ts` for the operations `readOperations` found. */
export function renderOperationTable(operations) {
  const entries = operations.map((operation) => {
    const entry = {
      method: operation.method.toUpperCase(),
      path: operation.path,
      pathParameters: operation.pathParameters.map((p) => p.name),
      queryParameters: operation.queryParameters.map((p) => p.name),
      requestMediaType: operation.requestBody?.mediaType ?? null,
      responseMediaType: operation.success.mediaType,
      successStatus: operation.success.status,
      paginated: operation.paginated,
    };
    const fields = Object.entries(entry).map(([key, value]) => `    ${key}: ${JSON.stringify(value)},`);
    return [
      `  /** ${operation.summary.replaceAll("*/", "*\\/") || operation.operationId} */`,
      `  ${operation.operationId}: {`,
      ...fields,
      "  },",
    ].join("\n");
  });
  return [
    generatedHeader("scripts/render-operation-table.mjs", "every operation of the fragment, by operationId"),
    'import type { OperationDescriptor } from "../operation-descriptor.js";',
    "",
    "/** Every operation of the spec by operationId: how to send it and what comes back. */",
    "export const operationTable = {",
    ...entries,
    "} as const satisfies Record<string, OperationDescriptor>;",
    "",
  ].join("\n");
}
