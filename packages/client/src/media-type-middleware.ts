import { operationTable } from "@atlas-export/types";
import type { Middleware } from "openapi-fetch";

/** The versioned media type of the 2023-01-01 Atlas Admin API (GUIDE §4), for paths the spec does not know. */
export const ATLAS_MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";

// "GET /api/atlas/v2/groups/{groupId}/backup/exportBuckets" -> that operation's entry of the generated table.
const byRoute = new Map<string, (typeof operationTable)[keyof typeof operationTable]>(
  Object.values(operationTable).map((operation) => [`${operation.method} ${operation.path}`, operation]),
);

/**
 * The client's first middleware, so named methods and `atlas.api` alike send each operation's versioned
 * media type from the spec's generated operation table: `Accept` unless the caller gave one, and for a
 * JSON body `Content-Type` instead of openapi-fetch's plain `application/json` (bucket operations exist at
 * 2024-05-30, jobs and snapshots at 2023-01-01; Atlas picks the API version by them).
 */
export function mediaTypeMiddleware(): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      const operation = byRoute.get(`${request.method} ${schemaPath}`);
      if (!request.headers.has("Accept")) {
        request.headers.set("Accept", operation?.responseMediaType ?? ATLAS_MEDIA_TYPE);
      }
      if (operation?.requestMediaType && request.headers.get("Content-Type") === "application/json") {
        request.headers.set("Content-Type", operation.requestMediaType);
      }
      return request;
    },
  };
}
