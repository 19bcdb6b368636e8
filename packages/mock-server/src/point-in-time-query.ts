import type { FieldViolation } from "./path-param-violations.js";

export type PointInTimeQuery =
  | {
      ok: true;
      /** The point in time in ms since the epoch; undefined when the query names none. */ atMs?: number;
    }
  | { ok: false; violations: FieldViolation[] };

/**
 * The point in time listReplicaSetBackups' query names: `pointInTimeUtcSeconds`, or the oplog timestamp
 * `oplogTs` + `oplogInc` (the spec: mutually exclusive; oplogTs and oplogInc only together). An oplog
 * timestamp's first part is seconds since the epoch and its second orders operations within that
 * second; the emulator's snapshots are timed to the second and have no oplog position, so `oplogInc`
 * must be given but does not move the point.
 */
export function pointInTimeQuery(query: URLSearchParams): PointInTimeQuery {
  const violations: FieldViolation[] = [];
  const seconds = (name: string): number | undefined => {
    const raw = query.get(name);
    if (raw === null) return undefined;
    // int64 in the spec; 12 digits already reach the year 33658.
    if (!/^\d{1,12}$/.test(raw)) {
      violations.push({ field: name, description: "must be an integer >= 0" });
      return undefined;
    }
    return Number(raw);
  };
  const pointInTime = seconds("pointInTimeUtcSeconds");
  const oplogTs = seconds("oplogTs");
  const oplogInc = seconds("oplogInc");
  if (violations.length > 0) return { ok: false, violations };

  const hasOplog = query.has("oplogTs") || query.has("oplogInc");
  if (query.has("pointInTimeUtcSeconds") && hasOplog) {
    violations.push({
      field: "pointInTimeUtcSeconds",
      description: "cannot be combined with oplogTs and oplogInc; give one point in time",
    });
  } else if (hasOplog && (oplogTs === undefined || oplogInc === undefined)) {
    const missing = oplogTs === undefined ? "oplogTs" : "oplogInc";
    violations.push({
      field: missing,
      description: `is required with ${missing === "oplogTs" ? "oplogInc" : "oplogTs"}`,
    });
  }
  if (violations.length > 0) return { ok: false, violations };
  const at = pointInTime ?? oplogTs;
  return at === undefined ? { ok: true } : { ok: true, atMs: at * 1000 };
}
