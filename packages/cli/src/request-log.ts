import { stripControlCharacters, type AtlasClientOptions } from "@atlas-export/client";

type Middleware = NonNullable<AtlasClientOptions["middleware"]>[number];

/**
 * `--verbose`: an openapi-fetch middleware that writes one line per attempt — method, URL, status (or why
 * there was none) and time taken — so retries, redirects and a slow network show up. It runs before the
 * client's auth middleware and prints no headers or bodies, so no credential can reach the output; a
 * digest challenge or a token request is part of the attempt it serves.
 */
export function requestLog(
  write: (line: string) => void,
  now: () => number = () => performance.now(),
): Middleware {
  const started = new Map<string, number>();
  const finish = (id: string, request: Request, outcome: string) => {
    const ms = Math.round(now() - (started.get(id) ?? now()));
    started.delete(id);
    write(`atlas-export: ${request.method} ${stripControlCharacters(request.url)} → ${outcome} (${ms} ms)\n`);
  };
  return {
    onRequest({ id }) {
      started.set(id, now());
    },
    onResponse({ id, request, response }) {
      finish(id, request, `${response.status} ${stripControlCharacters(response.statusText)}`.trimEnd());
    },
    onError({ id, request, error }) {
      const reason = error instanceof Error ? error.message : String(error);
      finish(id, request, `no answer: ${stripControlCharacters(reason)}`);
    },
  };
}
