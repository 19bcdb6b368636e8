import { stripControlCharacters } from "@atlas-export/client";

const MAX_JSON_LENGTH = 200;

/**
 * Any value from a response as one line of terminal-safe text, whatever its type: Atlas (or whatever
 * answers in its place) may send a field of another type than the spec says, and a table must still
 * render it rather than crash or print `[object Object]`. `undefined` when there is nothing to show.
 */
export function formatServerValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return stripControlCharacters(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    json = Object.prototype.toString.call(value);
  }
  const short = json.length > MAX_JSON_LENGTH ? `${json.slice(0, MAX_JSON_LENGTH - 3)}...` : json;
  // JSON.stringify escapes C0 controls but leaves C1 controls (0x80-0x9F) as they are.
  return stripControlCharacters(short);
}
