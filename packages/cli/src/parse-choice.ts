import { quoteInput } from "./quote-input.js";
import { UsageError } from "./usage-error.js";

/** A parser that accepts one of `choices` exactly as written. */
export function parseChoice<const T extends string>(
  choices: readonly T[],
): (raw: string, source: string) => T {
  return (raw, source) => {
    if ((choices as readonly string[]).includes(raw)) return raw as T;
    throw new UsageError(`${source} must be ${choices.join(" or ")}; got ${quoteInput(raw)}.`);
  };
}
