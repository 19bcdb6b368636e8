/**
 * A deep copy of `value` with `change` applied to the copy, so mutation tables never touch the spec's
 * examples they start from.
 */
export function mutate<T>(value: T, change: (copy: Record<string, any>) => void): unknown {
  const copy = structuredClone(value) as Record<string, any>;
  change(copy);
  return copy;
}
