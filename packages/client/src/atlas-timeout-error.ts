import { AtlasError } from "./atlas-error.js";

/** An attempt (or a whole `waitForBackupExportJob`) ran longer than its `timeoutMs`. Has no status. */
export class AtlasTimeoutError extends AtlasError {
  override name = "AtlasTimeoutError";
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number) {
    super(message);
    this.timeoutMs = timeoutMs;
  }
}
