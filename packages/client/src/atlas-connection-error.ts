import { AtlasError } from "./atlas-error.js";

/** The request never got an HTTP answer (DNS, refused or reset connection, TLS). Has no status. */
export class AtlasConnectionError extends AtlasError {
  override name = "AtlasConnectionError";
}
