/** The base class of every error this package throws: `err instanceof AtlasError` catches them all. */
export class AtlasError extends Error {
  override name = "AtlasError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
