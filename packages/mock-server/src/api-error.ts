import { STATUS_CODES } from "node:http";
import type { ApiError } from "@atlas-export/types";
import { jsonResponse, type MockResponse } from "./mock-response.js";

/** An Atlas ApiError body: `error` is the status and `reason` its standard phrase, as Atlas sends them. */
export function apiError(
  status: number,
  errorCode: string,
  detail: string,
  extra: Pick<ApiError, "parameters" | "badRequestDetail"> = {},
): ApiError {
  return {
    detail,
    error: status,
    errorCode,
    parameters: extra.parameters ?? [],
    reason: STATUS_CODES[status] ?? "Error",
    ...(extra.badRequestDetail === undefined ? {} : { badRequestDetail: extra.badRequestDetail }),
  };
}

/** A JSON response carrying an ApiError. */
export function apiErrorResponse(
  status: number,
  errorCode: string,
  detail: string,
  options: { parameters?: unknown[]; headers?: Record<string, string | string[]>; pretty?: boolean } = {},
): MockResponse {
  const body = apiError(
    status,
    errorCode,
    detail,
    options.parameters ? { parameters: options.parameters } : {},
  );
  return jsonResponse(status, body, {
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.pretty === undefined ? {} : { pretty: options.pretty }),
  });
}
