import { STATUS_CODES } from "node:http";
import type { ApiError } from "@atlas-export/types";

/** A response the emulator decided on, before fault rules shape how it goes out. */
export interface MockResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

/** The media type of this operation's 200 response (the only version it has). */
export const ATLAS_MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";

/** Builds a JSON response; `pretty` indents it like `?pretty=true`. */
export function jsonResponse(
  status: number,
  value: unknown,
  options: { contentType?: string; pretty?: boolean; headers?: Record<string, string | string[]> } = {},
): MockResponse {
  const body = options.pretty === true ? `${JSON.stringify(value, null, 2)}\n` : JSON.stringify(value);
  return {
    status,
    headers: { "content-type": options.contentType ?? "application/json", ...options.headers },
    body,
  };
}

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
