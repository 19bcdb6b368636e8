import type { paths } from "@atlas-export/types";
import type { SchemaViolation } from "@atlas-export/types/validators";
import type { Client } from "openapi-fetch";
import { AtlasValidationError } from "./atlas-validation-error.js";
import { interpretResponse } from "./interpret-response.js";

/** One operation of the fragment as a named method sends it. */
export interface Operation {
  /** The operationId, which is also the named method's name (for messages). */
  name: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path template, exactly as a key of `paths`. */
  path: keyof paths & string;
  /** What the answer is, for messages: "job", "export bucket", "page of snapshots". */
  what: string;
  /** The schema the answer is checked against when `validateResponses` is on (name for messages). */
  schema?: { name: string; validate: (value: unknown) => SchemaViolation[] };
}

/** The per-call options every named method takes. */
export interface CallOptions {
  /** Ask Atlas to wrap the answer as `{ status, content }` (sent as `envelope=true`); unwrapped here. */
  envelope?: boolean;
  /** Cancels the call: in-flight request and pending backoff alike. */
  signal?: AbortSignal;
}

/** What a named method sends: path and query parameters, and a JSON body for writes. */
export interface OperationRequest {
  path: object;
  query?: Record<string, unknown>;
  body?: unknown;
}

/**
 * Calls `operation` through `api` (so with its middleware, auth, retries and timeouts) and returns the
 * unwrapped answer, or throws the matching `AtlasError`: `AtlasApiError` for an error status or an
 * unusable body, `AtlasAuthError` for a 401, `AtlasValidationError` for a bad parameter or (with
 * `validateResponses`) an answer that breaks the schema. A 204 resolves with `undefined`.
 */
export async function callOperation<T>(
  api: Client<paths>,
  validateResponses: boolean,
  operation: Operation,
  request: OperationRequest,
  options: CallOptions = {},
): Promise<T> {
  assertCallArguments(operation.name, request.path, options);
  const envelope = options.envelope ?? false;
  const query = envelope ? { ...request.query, envelope: true } : request.query;
  const { data, error, response } = (await api.request(
    operation.method.toLowerCase() as never,
    operation.path as never,
    {
      params: { path: request.path, ...(query === undefined ? {} : { query }) },
      ...(request.body === undefined ? {} : { body: request.body }),
      parseAs: "text",
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    } as never,
  )) as { data?: string; error?: unknown; response: Response };
  if (response.status === 204) return undefined as T;
  const body = interpretResponse(response, data, error, envelope, operation.what);
  if (validateResponses && operation.schema) {
    const violation = operation.schema.validate(body)[0];
    if (violation) {
      throw new AtlasValidationError(
        `the ${operation.what} Atlas returned does not match the schema ${operation.schema.name} at ${violation.pointer || "/"}: ${violation.message}`,
        violation.pointer,
        violation.keyword,
      );
    }
  }
  return body as T;
}

/** Throws an `AtlasValidationError` for arguments a typed caller could not pass (JavaScript, `as any`). */
function assertCallArguments(name: string, params: unknown, options: unknown): void {
  const fail = (parameter: string, rule: string, what: string) =>
    new AtlasValidationError(`@atlas-export/client: ${name}(${what}`, parameter, rule);
  if (typeof params !== "object" || params === null) {
    throw fail("params", "object", `params) expects an object of path parameters (got ${typeOf(params)})`);
  }
  if (options === null || typeof options !== "object") {
    throw fail("options", "object", `params, options) expects an options object (got ${typeOf(options)})`);
  }
  const { signal, envelope } = options as CallOptions;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw fail("signal", "AbortSignal", `params, { signal }) must be an AbortSignal (got ${typeOf(signal)})`);
  }
  if (envelope !== undefined && typeof envelope !== "boolean") {
    throw fail("envelope", "boolean", `params, { envelope }) must be a boolean (got ${typeOf(envelope)})`);
  }
}

function typeOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}
