import type { Middleware } from "openapi-fetch";
import type { AuthScheme, AuthTicket } from "./auth-scheme.js";
import type { AuthSchemeKit } from "./auth-scheme-kit.js";

/**
 * An auth scheme as an openapi-fetch `Middleware`: `onRequest` authorizes, `onResponse` completes (a 401
 * is answered by sending an unsent copy of the request again through the client's own `fetch`), `onError`
 * abandons. Usable on its own with any openapi-fetch client.
 */
export function authMiddleware<T extends AuthTicket>(
  scheme: AuthScheme<T>,
  allowInsecureHttp: boolean,
  { insecureHttpAllowed }: AuthSchemeKit,
): Required<Pick<Middleware, "onRequest" | "onResponse" | "onError">> {
  const pending = new Map<string, { ticket: T; original: Request }>();
  return {
    async onRequest({ request, id, options }) {
      const ticket = await scheme.authorize({
        method: request.method,
        url: request.url,
        signal: request.signal,
        allowInsecure: allowInsecureHttp || insecureHttpAllowed.has(request),
        baseUrl: options.baseUrl,
        fetch: options.fetch,
      });
      pending.set(id, { ticket, original: unsentCopy(request, insecureHttpAllowed) });
      // Set in place: the request is this call's own, and a copy per call would cost a new Request and an
      // abort signal that follows the original.
      if (ticket.authorization !== undefined) request.headers.set("Authorization", ticket.authorization);
      return request;
    },
    async onResponse({ response, id, options }) {
      const entry = pending.get(id);
      pending.delete(id);
      if (entry === undefined) return undefined;
      const final = await scheme.complete(entry.ticket, response, (authorization) => {
        const copy = unsentCopy(entry.original, insecureHttpAllowed);
        copy.headers.set("Authorization", authorization);
        return options.fetch(copy);
      });
      return final === response ? undefined : final;
    },
    onError({ id }) {
      const entry = pending.get(id);
      pending.delete(id);
      if (entry !== undefined) scheme.abandon(entry.ticket);
      return undefined;
    },
  };
}

/**
 * A request that can be sent (again): a request without a body is reusable as it is; one with a body is
 * read once, so it needs a copy made before it goes out.
 */
function unsentCopy(request: Request, insecureHttpAllowed: WeakSet<Request>): Request {
  if (request.body === null) return request;
  const copy = request.clone();
  if (insecureHttpAllowed.has(request)) insecureHttpAllowed.add(copy);
  return copy;
}
