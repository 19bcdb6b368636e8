/** The base class of every error this package throws: `err instanceof AtlasError` catches them all. */
export class AtlasError extends Error {
  override name = "AtlasError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
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
