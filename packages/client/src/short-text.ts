import { stripControlCharacters } from "./strip-control-characters.js";

/**
 * Server-provided text as it may appear in an error message: control characters stripped (see
 * `stripControlCharacters`) and cut to `max` characters, so a 5 MB `detail` or an escape sequence never
 * reaches a log or a terminal through a message. The raw value stays in the error's fields.
 */
export function shortText(value: unknown, max = 300): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const clean = stripControlCharacters(text.length > max * 4 ? text.slice(0, max * 4) : text);
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
