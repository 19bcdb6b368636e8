import type { FaultController } from "./mock-atlas.js";
import type { Fault, FaultRule } from "./fault-rule.js";
import { describeValue } from "./describe-value.js";

/** The request facts a rule matches on. */
export interface FaultRequest {
  method: string;
  path: string;
  endpoint: "job" | "token" | "revoke" | undefined;
  /** The operation the request is routed to (method and path both matched); undefined otherwise. */
  operationId: string | undefined;
}

/** Keeps fault rules and their remaining uses; `take` picks the fault for one request. */
export interface FaultInjector extends FaultController {
  take(request: FaultRequest): Fault | undefined;
}

interface ActiveRule {
  rule: FaultRule;
  skipLeft: number;
  usesLeft: number;
}

export function createFaultInjector(initial: readonly FaultRule[]): FaultInjector {
  const active: ActiveRule[] = [];
  const add = (rule: FaultRule): void => {
    validateRule(rule, active.length);
    active.push({ rule, skipLeft: rule.skip ?? 0, usesLeft: rule.times ?? Number.POSITIVE_INFINITY });
  };
  initial.forEach(add);
  return {
    add,
    clear: () => void active.splice(0),
    list: () => active.map((entry) => entry.rule),
    take(request) {
      for (const [index, entry] of active.entries()) {
        if (!matches(entry.rule, request)) continue;
        // A rule counts every request it matches, so "skip 1, times 2" means requests 2 and 3.
        if (entry.skipLeft > 0) {
          entry.skipLeft -= 1;
          continue;
        }
        entry.usesLeft -= 1;
        if (entry.usesLeft <= 0) active.splice(index, 1);
        return entry.rule.fault;
      }
      return undefined;
    },
  };
}

function matches(rule: FaultRule, request: FaultRequest): boolean {
  const match = rule.match;
  if (match === undefined) return true;
  if (match.method !== undefined && match.method.toUpperCase() !== request.method.toUpperCase()) return false;
  if (match.endpoint !== undefined && match.endpoint !== request.endpoint) return false;
  if (match.operationId !== undefined && match.operationId !== request.operationId) return false;
  if (typeof match.path === "string" && match.path !== request.path) return false;
  if (match.path instanceof RegExp && !match.path.test(request.path)) return false;
  return true;
}

const FAULT_TYPES = ["delay", "reset", "truncate", "html502", "wrongContentType", "status"];

function validateRule(rule: FaultRule, index: number): void {
  const where = `@atlas-export/mock-server: fault rule ${index}`;
  if (typeof rule !== "object" || rule === null || typeof rule.fault !== "object" || rule.fault === null) {
    throw new TypeError(`${where} needs a "fault" object, e.g. { fault: { type: "reset" } }`);
  }
  if (!FAULT_TYPES.includes(rule.fault.type)) {
    throw new TypeError(
      `${where} has unknown fault type ${JSON.stringify(rule.fault.type)}; use one of ${FAULT_TYPES.join(", ")}`,
    );
  }
  for (const key of ["skip", "times"] as const) {
    const value = rule[key];
    if (value !== undefined && (!Number.isInteger(value) || value < (key === "times" ? 1 : 0))) {
      throw new RangeError(
        `${where}: "${key}" must be an integer ${key === "times" ? ">= 1" : ">= 0"}, got ${describeValue(value)}`,
      );
    }
  }
  const fault = rule.fault;
  if (fault.type === "delay" && (!Number.isFinite(fault.ms) || fault.ms < 0)) {
    throw new RangeError(`${where}: delay "ms" must be a number >= 0, got ${describeValue(fault.ms)}`);
  }
  if (
    fault.type === "status" &&
    (!Number.isInteger(fault.status) || fault.status < 400 || fault.status > 599)
  ) {
    throw new RangeError(
      `${where}: status "status" must be an HTTP error status 400-599, got ${describeValue(fault.status)}`,
    );
  }
  if (
    fault.type === "status" &&
    fault.retryAfter !== undefined &&
    (!Number.isInteger(fault.retryAfter) || fault.retryAfter < 0)
  ) {
    throw new RangeError(
      `${where}: "retryAfter" must be whole seconds >= 0, got ${describeValue(fault.retryAfter)}`,
    );
  }
}
