import type { IncomingMessage } from "node:http";
import type { SchemaViolation } from "@atlas-export/types/validators";
import { acceptsAtlasJson, versionOf } from "./accepts-atlas-json.js";
import { apiError } from "./api-error.js";
import { authenticateApiRequest } from "./authenticate-api-request.js";
import { clusterNotFound } from "./cluster-not-found.js";
import type { MockContext } from "./mock-context.js";
import { jsonResponse, type MockResponse } from "./mock-response.js";
import { notFound } from "./not-found.js";
import type { OperationResult } from "./operation-handler.js";
import { pathParamViolations } from "./path-param-violations.js";
import type { OperationId } from "@atlas-export/types";
import { requestBodyViolations } from "./request-body-violations.js";
import type { RouteMatch } from "./route-table.js";
import { validationError } from "./validation-error.js";

interface Rendering {
  envelope: boolean;
  pretty: boolean;
  /** The operation's versioned media type for a 2xx body. */
  successType: string;
  headers: Record<string, string>;
}

/**
 * Every path under /api/atlas: authentication first (401 beats 400/404, as on Atlas), then the rate
 * limit, then the route (404, 405), the path parameters (400), the Accept header (406), the request
 * body (415, 400), the cluster of a cluster-scoped operation (404 CLUSTER_NOT_FOUND) and the
 * operation's handler.
 */
export function handleAtlasApiRequest(
  request: IncomingMessage,
  url: URL,
  rawBody: string,
  match: RouteMatch,
  context: MockContext,
): MockResponse {
  const auth = authenticateApiRequest(request, context);
  if (!auth.ok) return auth.response;

  const rendering: Rendering = {
    // Atlas reads these like Java's Boolean.parseBoolean: only "true" (any case) is true.
    envelope: url.searchParams.get("envelope")?.toLowerCase() === "true",
    pretty: url.searchParams.get("pretty")?.toLowerCase() === "true",
    successType: match.kind === "operation" ? match.route.operation.responseMediaType : "application/json",
    headers: {},
  };
  if (context.apiLimiter !== undefined) {
    const decision = context.apiLimiter.take(auth.principal);
    rendering.headers["ratelimit-limit"] = String(decision.limit);
    rendering.headers["ratelimit-remaining"] = String(decision.remaining);
    if (!decision.allowed) {
      context.stats.rateLimited += 1;
      rendering.headers["retry-after"] = String(decision.retryAfterSeconds);
      return reply(
        {
          status: 429,
          body: apiError(
            429,
            "RATE_LIMITED",
            "You have exceeded the rate limit; retry after the time in Retry-After.",
          ),
        },
        rendering,
      );
    }
  }

  if (match.kind === "none") return reply(notFound(url.pathname), rendering);
  if (match.kind === "wrong-method") {
    const allow = match.allow.join(", ");
    rendering.headers["allow"] = allow;
    return reply(
      {
        status: 405,
        body: apiError(
          405,
          "METHOD_NOT_ALLOWED",
          `Method ${String(request.method)} is not allowed on this resource; use ${match.allow.join(" or ")}.`,
          { parameters: [String(request.method)] },
        ),
      },
      rendering,
    );
  }

  const { route } = match;
  const params = decodeParams(match.rawParams);
  if (params === undefined) {
    return reply(
      {
        status: 400,
        body: apiError(400, "INVALID_PATH_PARAMETER", "A path parameter is not valid percent-encoding.", {
          parameters: [url.pathname],
        }),
      },
      rendering,
    );
  }
  const violations = pathParamViolations(params, route.operationId as OperationId);
  const [first] = violations;
  if (first !== undefined) {
    // Atlas names a bad project id INVALID_GROUP_ID; other bad parameters are validation errors.
    const body =
      first.field === "groupId"
        ? apiError(400, "INVALID_GROUP_ID", `An invalid group ID ${params["groupId"]} was specified.`, {
            parameters: [params["groupId"]],
          })
        : apiError(400, "VALIDATION_ERROR", `Invalid path parameter ${first.field}: ${first.description}.`, {
            parameters: [params[first.field]],
          });
    body.badRequestDetail = { fields: violations };
    return reply({ status: 400, body }, rendering);
  }

  if (!acceptsAtlasJson(request.headers.accept, route.operation.responseMediaType)) {
    return reply(
      {
        status: 406,
        body: apiError(
          406,
          "NOT_ACCEPTABLE",
          `This resource is served as ${route.operation.responseMediaType}; send that in the Accept header.`,
          { parameters: [request.headers.accept ?? ""] },
        ),
      },
      rendering,
    );
  }

  let body: unknown;
  if (route.operation.requestMediaType !== null) {
    const parsed = readJsonBody(request.headers["content-type"], rawBody, route.operation.requestMediaType);
    if (!parsed.ok) return reply(parsed.result, rendering);
    const violations = requestBodyViolations(route.operationId as OperationId, parsed.value);
    if (violations.length > 0) {
      return reply(
        validationError(
          "request body field",
          violations.map((violation) => ({
            // A missing property is reported on its parent object; name the property itself.
            field: bodyField(violation),
            description: violation.message,
          })),
        ),
        rendering,
      );
    }
    body = parsed.value;
  }

  // Every operation under /clusters/{clusterName} needs the cluster to exist, before any job or
  // snapshot lookup: Atlas answers CLUSTER_NOT_FOUND, not the job's or snapshot's 404, or an empty page.
  const { groupId = "", clusterName } = params;
  if (clusterName !== undefined && !context.clusters.has({ groupId, clusterName })) {
    return reply(clusterNotFound({ groupId, clusterName }), rendering);
  }

  const result = route.handler({
    params,
    query: url.searchParams,
    body,
    path: url.pathname,
    // Links in answers name the emulator's own address, as Atlas's name https://cloud.mongodb.com.
    url: new URL(url.pathname + url.search, context.baseUrl()),
    context,
  });
  return reply(result, rendering);
}

/**
 * With envelope=true the answer is HTTP 200 and `{ status, content }` (for clients that cannot read
 * the status line); otherwise the status as is. A 2xx is the operation's media type, an error JSON.
 */
function reply(result: OperationResult, rendering: Rendering): MockResponse {
  const { status, body } = result;
  const success = status >= 200 && status < 300;
  const contentType = success ? rendering.successType : "application/json";
  const options = { contentType, pretty: rendering.pretty, headers: rendering.headers };
  if (rendering.envelope) {
    return jsonResponse(200, body === undefined ? { status } : { status, content: body }, options);
  }
  if (body === undefined) return { status, headers: { ...rendering.headers }, body: "" };
  return jsonResponse(status, body, options);
}

/** `/customData/0/key` -> `customData.0.key`; a missing property is named itself. */
function bodyField(violation: SchemaViolation): string {
  const missing = violation.keyword === "required" ? violation.params["missingProperty"] : undefined;
  const pointer = typeof missing === "string" ? `${violation.pointer}/${missing}` : violation.pointer;
  const field = pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .join(".");
  return field === "" ? "body" : field;
}

type ParsedBody = { ok: true; value: unknown } | { ok: false; result: OperationResult };

/** The request body as JSON: 415 for another media type, 400 for text that is not one JSON object. */
function readJsonBody(contentType: string | undefined, text: string, mediaType: string): ParsedBody {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const version = versionOf(type);
  // A versioned type names the resource version the body is written for; one before the operation's
  // version (e.g. 2023-01-01 for a bucket, which then had no Azure or GCP) is not what we can read.
  const readable =
    type === "application/json" || (version !== undefined && version >= (versionOf(mediaType) ?? ""));
  if (!readable) {
    return {
      ok: false,
      result: {
        status: 415,
        body: apiError(
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          `Send the request body as ${mediaType} (Content-Type).`,
          { parameters: [contentType ?? ""] },
        ),
      },
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      ok: false,
      result: {
        status: 400,
        body: apiError(400, "INVALID_JSON", "The request body must be one JSON object.", { parameters: [] }),
      },
    };
  }
  return { ok: true, value };
}

function decodeParams(raw: Readonly<Record<string, string>>): Record<string, string> | undefined {
  try {
    return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, decodeURIComponent(value)]));
  } catch {
    return undefined;
  }
}
