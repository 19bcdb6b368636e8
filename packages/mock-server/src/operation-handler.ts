import type { MockContext } from "./mock-context.js";

/** What a handler gets: the request already authenticated, its path parameters decoded and checked. */
export interface OperationRequest {
  /** Decoded path parameters by name, e.g. `{ groupId, clusterName, exportId }`. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The request URL (what pagination links are built from). */
  url: URL;
  /** The parsed JSON body, already checked against the operation's request schema (undefined without one). */
  body: unknown;
  /** The request's path (no query), for `links` and error messages. */
  path: string;
  context: MockContext;
}

/** A handler's answer: a 2xx goes out with the operation's media type, anything else as an ApiError. */
export interface OperationResult {
  status: number;
  /** Omitted for a 204. */
  body?: unknown;
}

export type OperationHandler = (request: OperationRequest) => OperationResult;
