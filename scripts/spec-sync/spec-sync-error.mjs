/**
 * Bad input to spec-sync (not a spec, the operation missing, a dangling or unsupported `$ref`, a malformed
 * fragment, a bad argument). The CLI prints the message and exits with code 2; nothing is written.
 */
export class SpecSyncError extends Error {
  /** @param {string} message what was wrong and what to do about it */
  constructor(message) {
    super(message);
    this.name = "SpecSyncError";
  }
}
