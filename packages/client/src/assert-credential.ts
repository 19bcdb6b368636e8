import { AtlasValidationError } from "./atlas-validation-error.js";

/**
 * Throws unless `value` is a non-empty string without control characters. A line break in a key read from
 * a file or a variable would otherwise end up in a header (refused by fetch, then retried as a connection
 * error) or in a digest; the message never shows the value.
 */
export function assertCredential(factory: string, option: string, value: unknown): void {
  if (typeof value !== "string" || value === "") {
    throw new AtlasValidationError(
      `@atlas-export/client: ${factory}({ ${option} }) must be a non-empty string`,
      option,
      "non-empty string",
    );
  }
  if (/[\x00-\x1f\x7f-\x9f]/.test(value)) {
    throw new AtlasValidationError(
      `@atlas-export/client: ${factory}({ ${option} }) contains a control character (a line break or tab?): check how it was read, e.g. a trailing newline from a file`,
      option,
      "no control characters",
    );
  }
}
