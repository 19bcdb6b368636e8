import { EXIT_CODES } from "./exit-codes.js";

/**
 * An error the user can fix by changing the command line or the environment. Printed as one line
 * (never with a stack trace) followed by a hint, and mapped to its exit code.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string; exitCode?: number } = {}) {
    super(message);
    this.exitCode = options.exitCode ?? EXIT_CODES.usage;
    this.hint = options.hint;
  }
}
