import { apiError } from "./api-error.js";
import type { OperationResult } from "./operation-handler.js";

/** 404 RESOURCE_NOT_FOUND: Atlas answers an unknown id and an unknown path alike. */
export function notFound(path: string): OperationResult {
  return {
    status: 404,
    body: apiError(404, "RESOURCE_NOT_FOUND", `Cannot find resource ${path}.`, { parameters: [path] }),
  };
}
