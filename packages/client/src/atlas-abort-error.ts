import { AtlasError } from "./atlas-error.js";

/** The caller's `signal` aborted the call. Has no status; `cause` is the signal's reason. */
export class AtlasAbortError extends AtlasError {
  override name = "AtlasAbortError";
}
