import type { IncomingMessage } from "node:http";
import type { MockContext } from "./mock-context.js";
import type { JobRef } from "./mock-job-definition.js";
import { authenticateApiRequest } from "./authenticate-api-request.js";
import { JOB_PATH } from "./job-path.js";
import { acceptsAtlasJson } from "./accepts-atlas-json.js";
import { apiError } from "./api-error.js";
import { ATLAS_MEDIA_TYPE, jsonResponse, type MockResponse } from "./mock-response.js";
import { pathParamViolations } from "./path-param-violations.js";

/**
 * GET /api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId} and every other
 * path under /api/atlas: authentication first (401 beats 400/404, as on Atlas), then the rate limit,
 * then the path parameters, the Accept header and the job.
 */
export function handleAtlasApiRequest(
  request: IncomingMessage,
  url: URL,
  context: MockContext,
): MockResponse {
  const auth = authenticateApiRequest(request, context);
  if (!auth.ok) return auth.response;

  const query = {
    // Atlas reads these like Java's Boolean.parseBoolean: only "true" (any case) is true.
    envelope: url.searchParams.get("envelope")?.toLowerCase() === "true",
    pretty: url.searchParams.get("pretty")?.toLowerCase() === "true",
  };
  const rateHeaders: Record<string, string> = {};
  if (context.apiLimiter !== undefined) {
    const decision = context.apiLimiter.take(auth.principal);
    rateHeaders["ratelimit-limit"] = String(decision.limit);
    rateHeaders["ratelimit-remaining"] = String(decision.remaining);
    if (!decision.allowed) {
      context.stats.rateLimited += 1;
      return reply(
        429,
        apiError(
          429,
          "RATE_LIMITED",
          "You have exceeded the rate limit; retry after the time in Retry-After.",
          { parameters: [] },
        ),
        query,
        {
          ...rateHeaders,
          "retry-after": String(decision.retryAfterSeconds),
        },
      );
    }
  }

  // Atlas answers an unknown path and an unknown job alike.
  const notFound = (): MockResponse =>
    reply(
      404,
      apiError(404, "RESOURCE_NOT_FOUND", `Cannot find resource ${url.pathname}.`, {
        parameters: [url.pathname],
      }),
      query,
      rateHeaders,
    );

  const match = JOB_PATH.exec(url.pathname);
  if (match === null) {
    return notFound();
  }
  if (request.method !== "GET") {
    return reply(
      405,
      apiError(
        405,
        "METHOD_NOT_ALLOWED",
        `Method ${String(request.method)} is not allowed on this resource; use GET.`,
        { parameters: [String(request.method)] },
      ),
      query,
      { ...rateHeaders, allow: "GET" },
    );
  }

  const ref = decodeRef(match);
  if (ref === undefined) {
    return reply(
      400,
      apiError(400, "INVALID_PATH_PARAMETER", "A path parameter is not valid percent-encoding.", {
        parameters: [url.pathname],
      }),
      query,
      rateHeaders,
    );
  }
  const violations = pathParamViolations(ref);
  const [first] = violations;
  if (first !== undefined) {
    // Atlas names a bad project id INVALID_GROUP_ID; other bad parameters are validation errors.
    const body =
      first.field === "groupId"
        ? apiError(400, "INVALID_GROUP_ID", `An invalid group ID ${ref.groupId} was specified.`, {
            parameters: [ref.groupId],
          })
        : apiError(400, "VALIDATION_ERROR", `Invalid path parameter ${first.field}: ${first.description}.`, {
            parameters: [ref[first.field]],
          });
    body.badRequestDetail = { fields: violations.map(({ field, description }) => ({ field, description })) };
    return reply(400, body, query, rateHeaders);
  }

  if (!acceptsAtlasJson(request.headers.accept)) {
    return reply(
      406,
      apiError(
        406,
        "NOT_ACCEPTABLE",
        `This resource is served as ${ATLAS_MEDIA_TYPE}; send that in the Accept header.`,
        { parameters: [request.headers.accept ?? ""] },
      ),
      query,
      rateHeaders,
    );
  }

  const job = context.jobs.get(ref);
  if (job === undefined) {
    return notFound();
  }
  return reply(200, job, query, rateHeaders);
}

/**
 * With envelope=true the answer is HTTP 200 and `{ status, content }` (for clients that cannot read
 * the status line); otherwise the status as is. A 200 is the versioned media type, an error JSON.
 */
function reply(
  status: number,
  body: unknown,
  query: { envelope: boolean; pretty: boolean },
  headers: Record<string, string>,
): MockResponse {
  const contentType = status === 200 ? ATLAS_MEDIA_TYPE : "application/json";
  if (query.envelope) {
    return jsonResponse(200, { status, content: body }, { contentType, pretty: query.pretty, headers });
  }
  return jsonResponse(status, body, { contentType, pretty: query.pretty, headers });
}

function decodeRef(match: RegExpExecArray): JobRef | undefined {
  try {
    return {
      groupId: decodeURIComponent(match[1] ?? ""),
      clusterName: decodeURIComponent(match[2] ?? ""),
      exportId: decodeURIComponent(match[3] ?? ""),
    };
  } catch {
    return undefined;
  }
}
