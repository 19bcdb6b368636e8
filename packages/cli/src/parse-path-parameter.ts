import { validatePathParameter, type PathParameterName } from "@atlas-export/types/validate-path-parameter";
import { quoteInput } from "./quote-input.js";
import { UsageError } from "./usage-error.js";

/**
 * A parser for a value that becomes a path parameter, checked with the validator generated from the spec
 * (`@atlas-export/types`), so a typo is a usage error before any request. `shape` says in words what a
 * valid value looks like; `hint` where to find the right one.
 */
export function parsePathParameter(
  name: PathParameterName,
  shape: string,
  hint: string,
): (raw: string, source: string) => string {
  return (raw, source) => {
    const [violation] = validatePathParameter(name, raw);
    if (violation === undefined) return raw;
    throw new UsageError(`${source} must be ${shape}; got ${quoteInput(raw)} (${violation.message}).`, {
      hint,
    });
  };
}
