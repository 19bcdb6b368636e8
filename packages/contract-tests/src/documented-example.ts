/** One example of the spec (a request body or a response), with everything needed to check it against the types and the schema. */
export interface DocumentedExample {
  /** A request body's example or a response's. */
  kind: "request" | "response";
  /** Stable, file-name-safe identifier, e.g. `getBackupExportJob-404-application_json-documented`. */
  id: string;
  operationId: string;
  method: string;
  path: string;
  /** The response key as written in the spec ("200", "404", "default", …), or "request" for a request body. */
  status: string;
  mediaType: string;
  /** The key under `examples` (or "example" for a single `example`). */
  name: string;
  summary: string | undefined;
  value: unknown;
  /** JSON Pointer (in URI-fragment form) of the example after following every $ref. */
  pointer: string;
  /** JSON Pointer of the schema the example is validated against (its $ref target when it has one). */
  schemaPointer: string;
  /** The generated type the example must satisfy, as a TypeScript type expression. */
  typeExpression: string;
}
