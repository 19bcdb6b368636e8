import { AtlasConnectionError } from "./atlas-connection-error.js";
import { AtlasValidationError } from "./atlas-validation-error.js";
import { chooseDispatcher, environmentProxy } from "./choose-dispatcher.js";
import { describeConnectionFailure } from "./describe-connection-failure.js";
import { nodeDispatcherFetch } from "./node-dispatcher-fetch.js";
// A namespace import: Bun ships an "undici" of its own without the proxy agents, and this module must still
// load there (Bun and Deno never take the undici path below).
import * as undici from "undici";

/** The resolved `proxy` and `ca` options. */
export interface DefaultFetchOptions {
  proxy: false | URL | undefined;
  ca: string[] | undefined;
}

/** The fetch a client uses when the user gave none, and how to end its pooled connections. */
export interface DefaultFetch {
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
}

type Sender = { send(request: Request): Promise<Response>; close(): Promise<void> };

declare const Bun: unknown;
declare const Deno: { createHttpClient(options: { proxy?: { url: string }; caCerts?: string[] }): unknown };

function runtime(): "bun" | "deno" | "node" | "other" {
  if (typeof Bun !== "undefined") return "bun";
  if (typeof Deno !== "undefined") return "deno";
  return typeof process !== "undefined" && process.versions?.node ? "node" : "other";
}

function environment(): Record<string, string | undefined> {
  return typeof process !== "undefined" && process.env ? process.env : {};
}

const globalSender: Sender = { send: (request) => globalThis.fetch(request), close: async () => {} };

/**
 * Bun's and Deno's own fetch honour HTTPS_PROXY/HTTP_PROXY/NO_PROXY already (the runtime matrix checks it);
 * a `proxy` URL or `ca` becomes their own fetch options. Neither can be told to ignore the variables.
 */
function nativeSender(kind: "bun" | "deno" | "other", options: DefaultFetchOptions): Sender {
  if (options.proxy === false) {
    throw new AtlasValidationError(
      `@atlas-export/client: createAtlasClient({ proxy: false }) works on Node only; on ${kind === "bun" ? "Bun" : kind === "deno" ? "Deno" : "this runtime"} leave HTTPS_PROXY/HTTP_PROXY unset or list the host in NO_PROXY`,
      "proxy",
      "Node only",
    );
  }
  if (options.proxy === undefined && options.ca === undefined) return globalSender;
  if (kind === "bun") {
    const init = { proxy: options.proxy?.href, tls: options.ca ? { ca: options.ca } : undefined };
    return { send: (request) => globalThis.fetch(request, init as RequestInit), close: async () => {} };
  }
  if (kind === "deno") {
    const client = Deno.createHttpClient({
      ...(options.proxy ? { proxy: { url: options.proxy.href } } : {}),
      ...(options.ca ? { caCerts: options.ca } : {}),
    });
    return { send: (request) => globalThis.fetch(request, { client } as RequestInit), close: async () => {} };
  }
  throw new AtlasValidationError(
    "@atlas-export/client: createAtlasClient({ proxy, ca }) needs Node, Bun or Deno; elsewhere pass your own `fetch`",
    options.proxy ? "proxy" : "ca",
    "Node, Bun or Deno",
  );
}

/**
 * The client's default `fetch`: on Node the global fetch, or undici's with a dispatcher for the proxy and
 * CA settings (see chooseDispatcher); on Bun and Deno their own fetch. A request that gets no answer becomes an `AtlasConnectionError` that names the cause and the fix.
 */
export function createDefaultFetch(options: DefaultFetchOptions): DefaultFetch {
  const kind = runtime();
  // Only Node's path reads the environment here: Deno would ask for --allow-env, and Bun and Deno read
  // the proxy variables themselves.
  const env = kind === "node" ? environment() : {};
  const choice = kind === "node" ? chooseDispatcher(options, env) : undefined;
  // Bun's and Deno's at once (their option checks throw here); Node's undici dispatcher with the first
  // request, so a client that never sends anything holds no connection pool.
  let sender: Sender | undefined = kind === "node" ? undefined : nativeSender(kind, options);
  let closing: Promise<void> | undefined;
  const senderFor = (): Sender =>
    (sender ??=
      choice === undefined || choice.kind === "global" ? globalSender : nodeDispatcherFetch(undici, choice));
  return {
    async fetch(request) {
      const { send } = senderFor();
      try {
        return await send(request);
      } catch (error) {
        // Timeouts and the caller's aborts are the retry loop's to name.
        if (request.signal.aborted) throw error;
        const url = new URL(request.url);
        const proxy =
          options.proxy === false ? undefined : (options.proxy ?? environmentProxy(url.protocol, env));
        const failure = describeConnectionFailure(error, { host: url.host, proxy });
        throw new AtlasConnectionError(`could not reach ${url.host}: ${failure.reason}`, {
          cause: error,
          code: failure.code,
        });
      }
    },
    // Idempotent: close() of a client may run more than once, and undici rejects a second close.
    close() {
      closing ??= sender ? sender.close() : Promise.resolve();
      return closing;
    },
  };
}
