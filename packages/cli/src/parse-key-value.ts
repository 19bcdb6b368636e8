import { quoteInput } from "./quote-input.js";
import { UsageError } from "./usage-error.js";

/** One `customData` label as Atlas takes it. */
export interface KeyValue {
  key: string;
  value: string;
}

/** Parses `key=value` (the value may contain `=`; the key may not be empty). */
export function parseKeyValue(raw: string, source: string): KeyValue {
  const equals = raw.indexOf("=");
  if (equals <= 0)
    throw new UsageError(`${source} must be key=value with a non-empty key; got ${quoteInput(raw)}.`);
  return { key: raw.slice(0, equals), value: raw.slice(equals + 1) };
}
