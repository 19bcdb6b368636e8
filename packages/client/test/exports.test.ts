import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const names = [
  "createAtlasClient",
  "digestAuth",
  "serviceAccountAuth",
  "AtlasError",
  "AtlasApiError",
  "AtlasAuthError",
  "AtlasConnectionError",
  "AtlasTimeoutError",
  "AtlasAbortError",
  "AtlasValidationError",
  "AtlasExportFailedError",
];

describe("the built package (dist)", () => {
  it("exports the public API from ESM", async () => {
    const esm = (await import("@atlas-export/client")) as Record<string, unknown>;
    for (const name of names) expect(esm[name], name).toBeTypeOf("function");
    expect((esm.createAtlasClient as { fromEnv: unknown }).fromEnv).toBeTypeOf("function");
  });

  it("exports the same API from CommonJS", () => {
    const cjs = createRequire(import.meta.url)("@atlas-export/client") as Record<string, unknown>;
    for (const name of names) expect(cjs[name], name).toBeTypeOf("function");
  });

  it("writes its real version into the User-Agent", async () => {
    const { CLIENT_VERSION } = (await import("@atlas-export/client")) as { CLIENT_VERSION: string };
    const { version } = createRequire(import.meta.url)("@atlas-export/client/package.json") as {
      version: string;
    };
    expect(CLIENT_VERSION).toBe(version);
  });
});
