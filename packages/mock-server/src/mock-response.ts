/** A response the emulator decided on, before fault rules shape how it goes out. */
export interface MockResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

/** The media type of getBackupExportJob's 200 (and of every job and snapshot operation); each operation's own is in @atlas-export/types' operationTable. */
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
