import createClientExport from "openapi-fetch";

/**
 * openapi-fetch's `createClient`. Its ESM build exports it as `default`; in this package's CommonJS build
 * the default import is, as in Node's own ESM-from-CJS interop, the whole CommonJS module, whose
 * `exports.default` is `createClient`.
 */
export const createClient: typeof createClientExport =
  typeof createClientExport === "function"
    ? createClientExport
    : (createClientExport as unknown as { default: typeof createClientExport }).default;
