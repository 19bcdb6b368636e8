// Node only: Bun's and Deno's fetch take a proxy and CAs natively (default-fetch.ts). A client with no proxy
// variable and no `ca` uses Node's global fetch and never creates a dispatcher.
import { readFileSync } from "node:fs";
import * as tls from "node:tls";
import type * as Undici from "undici";
import type { DispatcherChoice } from "./choose-dispatcher.js";

/** A fetch of undici's own with its dispatcher; `close()` ends its pooled connections. */
export interface DispatcherFetch {
  send(request: Request): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The CAs a connection trusts when the `ca` option is given. Node's `ca` replaces its default trust, so the
 * option's certificates are added to what Node trusts anyway — its bundled roots and NODE_EXTRA_CA_CERTS —
 * and a client through an inspecting proxy still reaches the hosts that NO_PROXY sends direct.
 */
export function trustedCertificates(ca: string[]): string[] {
  const getCACertificates = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  // Node >= 22.15: bundled roots plus NODE_EXTRA_CA_CERTS as Node loaded them at startup.
  if (getCACertificates) return [...getCACertificates("default"), ...ca];
  const extraFile = process.env.NODE_EXTRA_CA_CERTS;
  let extra: string[] = [];
  if (extraFile) {
    try {
      extra = [readFileSync(extraFile, "utf8")];
    } catch {
      // Node itself warns at startup when the file cannot be read, and then trusts it no more than we do.
    }
  }
  return [...tls.rootCertificates, ...extra, ...ca];
}

function dispatcherFor(
  { Agent, EnvHttpProxyAgent, ProxyAgent }: typeof Undici,
  choice: Exclude<DispatcherChoice, { kind: "global" }>,
): Undici.Dispatcher {
  const tlsOptions = choice.ca ? { ca: trustedCertificates(choice.ca) } : {};
  switch (choice.kind) {
    case "direct":
      return new Agent({ connect: tlsOptions });
    case "proxy":
      // requestTls: the TLS to Atlas inside the tunnel; proxyTls: an https:// proxy's own certificate.
      return new ProxyAgent({ uri: choice.proxy.href, requestTls: tlsOptions, proxyTls: tlsOptions });
    case "environment":
      return new EnvHttpProxyAgent({ connect: tlsOptions, requestTls: tlsOptions, proxyTls: tlsOptions });
  }
}

/** undici's fetch with the dispatcher `choice` asks for; `undici` is the imported package. */
export function nodeDispatcherFetch(
  undici: typeof Undici,
  choice: Exclude<DispatcherChoice, { kind: "global" }>,
): DispatcherFetch {
  const dispatcher = dispatcherFor(undici, choice);
  return {
    async send(request) {
      // undici's fetch does not take the global Request (another undici's class): pass its parts. The
      // bodies sent here are small (JSON, a token form), so reading one whole is simplest.
      const body =
        request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
      const response = await undici.fetch(request.url, {
        method: request.method,
        headers: [...request.headers],
        ...(body && body.byteLength > 0 ? { body } : {}),
        redirect: request.redirect,
        signal: request.signal,
        dispatcher,
      });
      return response as unknown as Response;
    },
    close: () => dispatcher.close(),
  };
}
