/** Atlas writes timestamps to the second: "2025-05-04T09:42:00Z". */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** A definition's time (ms since the epoch, Date or ISO string) in ms; NaN when it is not a time. */
export function timeOf(value: number | Date | string): number {
  return typeof value === "number" ? value : new Date(value).getTime();
}
