import { createHash } from "node:crypto";

/** A stable 24-hex-digit id derived from `seed` and `what`, for fields a definition leaves out. */
export function derivedId(seed: string, what: string): string {
  return createHash("sha1").update(`${seed}:${what}`).digest("hex").slice(0, 24);
}
