import type { OperationHandler } from "./operation-handler.js";

/** The parts of an operation the router needs (a subset of the generated operation table's entries). */
export interface RoutableOperation {
  readonly method: string;
  readonly path: string;
  readonly requestMediaType: string | null;
  readonly responseMediaType: string;
  readonly successStatus: number;
}

/** One operation, ready to match: its descriptor, its handler and its template split into segments. */
export interface Route {
  readonly operationId: string;
  readonly operation: RoutableOperation;
  readonly handler: OperationHandler;
  /** Literal segments as strings, parameters as `{ name }`. */
  readonly segments: ReadonlyArray<string | { name: string }>;
}

export type RouteMatch =
  /** `rawParams` are still percent-encoded: decoding can fail and is the caller's 400 to give. */
  | { kind: "operation"; route: Route; rawParams: Record<string, string> }
  /** The path is an operation's, the method is not: 405 with `Allow`. */
  | { kind: "wrong-method"; allow: string[] }
  | { kind: "none" };

export interface RouteTable {
  readonly routes: readonly Route[];
  match(method: string, pathname: string): RouteMatch;
}

/**
 * Builds the router from an operation table keyed by operationId and one handler per operationId. A path
 * template's `{name}` matches one whole, non-empty-or-empty segment (never a "/"), as OpenAPI path
 * templating defines it; literal segments match exactly.
 */
export function createRouteTable<Id extends string>(
  operations: Readonly<Record<Id, RoutableOperation>>,
  handlers: Readonly<Record<Id, OperationHandler>>,
): RouteTable {
  const routes: Route[] = (Object.keys(operations) as Id[]).map((operationId) => ({
    operationId,
    operation: operations[operationId],
    handler: handlers[operationId],
    segments: operations[operationId].path
      .split("/")
      .map((segment) => (/^\{[^{}]+\}$/.test(segment) ? { name: segment.slice(1, -1) } : segment)),
  }));

  const paramsOf = (route: Route, parts: readonly string[]): Record<string, string> | undefined => {
    if (parts.length !== route.segments.length) return undefined;
    const params: Record<string, string> = {};
    for (const [index, segment] of route.segments.entries()) {
      const part = parts[index] ?? "";
      if (typeof segment === "string") {
        if (segment !== part) return undefined;
      } else {
        params[segment.name] = part;
      }
    }
    return params;
  };

  return {
    routes,
    match(method, pathname) {
      const parts = pathname.split("/");
      const allow: string[] = [];
      for (const route of routes) {
        const rawParams = paramsOf(route, parts);
        if (rawParams === undefined) continue;
        if (route.operation.method === method.toUpperCase()) return { kind: "operation", route, rawParams };
        allow.push(route.operation.method);
      }
      return allow.length > 0 ? { kind: "wrong-method", allow } : { kind: "none" };
    },
  };
}
