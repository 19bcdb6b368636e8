import { shortText } from "./short-text.js";

const MAX_MESSAGE_LENGTH = 2000;

/** The base class of every error this package throws: `err instanceof AtlasError` catches them all. */
export class AtlasError extends Error {
  override name = "AtlasError";

  /**
   * Every message is safe to print and to log: control characters (escape sequences a terminal would act
   * on) are stripped and it is at most a few KB, whatever a server sent (see `shortText`).
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(shortText(message, MAX_MESSAGE_LENGTH), options);
  }

  /**
   * For structured logs: name, message and the error's own fields. `cause` is left out because it can be
   * a platform error whose shape this package does not control.
   */
  toJSON(): Record<string, unknown> {
    const { cause: _cause, ...fields } = { ...this } as Record<string, unknown>;
    return { ...fields, name: this.name, message: this.message };
  }
}
