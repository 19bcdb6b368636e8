import type { paths } from "@atlas-export/types";
import type { Client, ClientOptions, Middleware } from "openapi-fetch";
import { onFirstUse } from "./on-first-use.js";

const FORWARDED = ["request", "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

type OpenapiFetchModule = typeof import("openapi-fetch");

/**
 * A typed openapi-fetch client whose module is imported with its first request. `getBackupExportJob`
 * does not need openapi-fetch (it sends on its own transport), so a program that never touches
 * `atlas.raw` never loads it, and a bundler that splits dynamic imports ships it as a chunk of its own.
 * Middleware registered before the load is attached, in order, when the client is created.
 */
export function lazyOpenapiClient(options: ClientOptions): Client<paths> {
  const middleware: Middleware[] = [];
  let client: Client<paths> | undefined;
  const load = onFirstUse(() =>
    import("openapi-fetch").then((module) => {
      client = createClientOf(module)<paths>(options);
      client.use(...middleware);
      return client;
    }),
  );
  const lazy: Record<string, unknown> = {
    use(...added: Middleware[]) {
      middleware.push(...added);
      client?.use(...added);
    },
    eject(...removed: Middleware[]) {
      for (const entry of removed) {
        const index = middleware.indexOf(entry);
        if (index !== -1) middleware.splice(index, 1);
      }
      client?.eject(...removed);
    },
  };
  for (const name of FORWARDED) {
    lazy[name] = (...args: unknown[]) =>
      load().then((loaded) => (loaded[name] as (...rest: unknown[]) => unknown)(...args));
  }
  // Every method of Client is present with the same parameters; each one returns what the real one does.
  return lazy as unknown as Client<paths>;
}

/**
 * openapi-fetch's ESM build exports `createClient` as default; its CommonJS build sets
 * `exports.default = createClient`, which this package's CJS build sees one level deeper.
 */
function createClientOf(module: OpenapiFetchModule): OpenapiFetchModule["default"] {
  const exported = module.default as unknown;
  return typeof exported === "function"
    ? (exported as OpenapiFetchModule["default"])
    : (exported as { default: OpenapiFetchModule["default"] }).default;
}
