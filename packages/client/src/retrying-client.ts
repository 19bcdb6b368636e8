import type { paths } from "@atlas-export/types";
import type { Client, Middleware } from "openapi-fetch";
import { AtlasApiError } from "./atlas-api-error.js";
import { AtlasError } from "./atlas-error.js";
import { AtlasValidationError } from "./atlas-validation-error.js";
import { errorHeaders } from "./error-headers.js";
import { withRetries, type RetryPolicy } from "./with-retries.js";

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

type Init = { signal?: AbortSignal | null; parseAs?: string } & Record<string, unknown>;
type Result = { data?: unknown; error?: unknown; response: Response };

/**
 * The client's `atlas.api`: openapi-fetch's typed `Client<paths>` whose every call runs whole — middleware,
 * auth and fetch — once per attempt under `withRetries`, so each retry is signed afresh and each attempt
 * has its own timeout. `auth` is kept the last middleware (nearest the wire): middleware added with `use`
 * sees the request before it is signed and the final answer after a challenge or re-mint.
 */
export function retryingClient(
  inner: Client<paths>,
  policy: RetryPolicy,
  auth: Middleware | undefined,
  isClosed: () => boolean,
): Client<paths> {
  const call = (method: string, path: string, init: Init = {}): Promise<Result> => {
    const { signal, parseAs = "json", params, ...rest } = init;
    if (signal != null && !(signal instanceof AbortSignal)) {
      return Promise.reject(
        new AtlasValidationError(
          `@atlas-export/client: atlas.api.${method}(path, { signal }) must be an AbortSignal`,
          "signal",
          "AbortSignal",
        ),
      );
    }
    // Always through the pathSerializer: openapi-fetch skips it without `params.path`, which would send
    // the template's `{groupId}` literally; with `{}` every placeholder is checked (and refused).
    const withPath = { ...(params as object), path: (params as { path?: object } | undefined)?.path ?? {} };
    return withRetries(policy, method, signal ?? undefined, async (attemptSignal) => {
      if (isClosed()) throw closedError();
      const result = (await inner.request(
        method as never,
        path as never,
        {
          ...rest,
          params: withPath,
          // JSON is parsed here from text, so a body that is not JSON is an AtlasApiError, not a SyntaxError.
          parseAs: parseAs === "json" ? "text" : parseAs,
          signal: attemptSignal,
        } as never,
      )) as Result;
      return parseAs === "json" ? parsedJson(result) : result;
    });
  };
  const client: Record<string, unknown> = {
    request: (method: string, path: string, init?: Init) => call(method.toUpperCase(), path, init),
    use(...middleware: Middleware[]) {
      if (auth) inner.eject(auth);
      inner.use(...middleware);
      if (auth) inner.use(auth);
    },
    eject: (...middleware: Middleware[]) => inner.eject(...middleware),
  };
  for (const method of METHODS) {
    client[method] = (path: string, init?: Init) => call(method, path, init);
  }
  // Every member of Client<paths> is present, with the same parameters and results as openapi-fetch's own.
  return client as unknown as Client<paths>;
}

function closedError(): AtlasError {
  return new AtlasError(
    "@atlas-export/client: the client is closed (close() was called); create a new client to make more calls",
  );
}

/** openapi-fetch's `parseAs: "json"` result, from the text it was asked for instead. */
function parsedJson(result: Result): Result {
  if (typeof result.data !== "string") return result;
  if (result.data === "") return { ...result, data: undefined };
  try {
    return { ...result, data: JSON.parse(result.data) as unknown };
  } catch {
    const { response } = result;
    const type = response.headers.get("Content-Type") ?? "no Content-Type";
    const snippet = result.data.replace(/\s+/g, " ").trim().slice(0, 200);
    throw new AtlasApiError({
      status: response.status,
      errorCode: "INVALID_RESPONSE",
      headers: errorHeaders(response.headers),
      snippet,
      message: `${response.status} INVALID_RESPONSE: expected JSON, got ${type}: ${JSON.stringify(snippet)}`,
    });
  }
}
