import { randomBytes } from "node:crypto";
import type { Clock } from "./clock.js";

/**
 * A fresh id shaped like the ObjectIds Atlas hands out (24 hex digits: 4 bytes of seconds since the
 * epoch, 8 random bytes), so ids of resources created through the API sort by creation time.
 */
export function newObjectId(clock: Clock): string {
  const seconds = Math.max(0, Math.floor(clock.now() / 1000)) % 2 ** 32;
  return seconds.toString(16).padStart(8, "0") + randomBytes(8).toString("hex");
}
