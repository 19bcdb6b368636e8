import { stripControlCharacters } from "@atlas-export/client";

/**
 * Quotes what the user typed, shortened, so a pasted secret or a huge value never floods the terminal.
 * JSON escapes C0 controls; C1 controls (which some terminals obey) are dropped.
 */
export function quoteInput(value: string): string {
  return stripControlCharacters(JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value));
}
