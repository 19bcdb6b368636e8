/** One request that reached Prism and what Prism made of it. */
export interface Exchange {
  method: string;
  url: URL;
  accept: string | null;
  contentType: string | null;
  status: number;
  /** Prism's `sl-violations` header: what it found wrong with the request (absent when nothing). */
  violations: string | null;
}

/** Which answer to ask Prism for: a status, the media type, and a named example or a generated body. */
export interface PrismPreference {
  status: number | string;
  mediaType: string;
  name?: string;
  dynamic?: boolean;
}

/**
 * A `fetch` for a client pointed at Prism: it asks Prism for `prefer` (its `Prefer` header) and records
 * every request that reaches `prismUrl` in `exchanges`; other requests (the token server's) pass through.
 */
export function prismRecordingFetch(
  prismUrl: string,
  prefer?: PrismPreference,
): { fetch: (request: Request) => Promise<Response>; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  const recordingFetch = async (request: Request): Promise<Response> => {
    if (!request.url.startsWith(prismUrl)) return fetch(request);
    const headers = new Headers(request.headers);
    if (prefer) {
      const choice = prefer.name ? `, example=${prefer.name}` : prefer.dynamic ? ", dynamic=true" : "";
      headers.set("Prefer", `code=${prefer.status}${choice}`);
      // Prism picks among the media types Accept allows; Atlas sends errors as application/json whatever
      // the Accept says, so an error example is asked for next to the operation's versioned type.
      const accept = headers.get("Accept") ?? "";
      if (!accept.includes(prefer.mediaType)) headers.set("Accept", `${accept}, ${prefer.mediaType};q=0.9`);
    }
    const response = await fetch(new Request(request, { headers }));
    exchanges.push({
      method: request.method,
      url: new URL(request.url),
      accept: request.headers.get("Accept"),
      contentType: request.headers.get("Content-Type"),
      status: response.status,
      violations: response.headers.get("sl-violations"),
    });
    return response;
  };
  return { fetch: recordingFetch, exchanges };
}
