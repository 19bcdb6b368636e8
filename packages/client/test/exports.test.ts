import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { DigestVerifier } from "./support/digest-verifier.js";
import { sendJson, startServer } from "./support/http-server.js";

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

  it("gets and validates a job through the CommonJS build", async () => {
    const cjs = createRequire(import.meta.url)(
      "@atlas-export/client",
    ) as typeof import("@atlas-export/client");
    let body: unknown = { id: "32b6e34b3d91647abb20e7b8", exportBucketId: "32b6e34b3d91647abb20e7ba" };
    const server = await startServer((_request, response) => {
      response.setHeader("Content-Type", "application/vnd.atlas.2023-01-01+json");
      response.end(JSON.stringify(body));
    });
    try {
      const atlas = cjs.createAtlasClient({ baseUrl: server.url, validateResponses: true });
      const params = {
        groupId: "32b6e34b3d91647abb20e7b8",
        clusterName: "Cluster0",
        exportId: "32b6e34b3d91647abb20e7b8",
      };
      expect(await atlas.getBackupExportJob(params)).toEqual(body);
      body = { id: "not-hex" };
      await expect(atlas.getBackupExportJob(params)).rejects.toBeInstanceOf(cjs.AtlasValidationError);
    } finally {
      await server.close();
    }
  });

  it("loads openapi-fetch for atlas.raw in the CommonJS build too", async () => {
    const cjs = createRequire(import.meta.url)(
      "@atlas-export/client",
    ) as typeof import("@atlas-export/client");
    const server = await startServer((_request, response) => {
      response.setHeader("Content-Type", "application/vnd.atlas.2023-01-01+json");
      response.end(JSON.stringify({ id: "32b6e34b3d91647abb20e7b8" }));
    });
    try {
      const { data, response } = await cjs
        .createAtlasClient({ baseUrl: server.url })
        .raw.GET("/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}", {
          params: {
            path: {
              groupId: "32b6e34b3d91647abb20e7b8",
              clusterName: "C0",
              exportId: "32b6e34b3d91647abb20e7b8",
            },
          },
        });
      expect(response.status).toBe(200);
      expect(data).toEqual({ id: "32b6e34b3d91647abb20e7b8" });
    } finally {
      await server.close();
    }
  });

  // The ESM build loads the digest code from a chunk of its own on the first 401; the CommonJS build has
  // it inline. Both must answer the challenge and then sign without another one.
  for (const build of ["ESM", "CommonJS"] as const) {
    it(`answers a digest challenge once, then signs every call, through the ${build} build`, async () => {
      const client =
        build === "ESM"
          ? await import("@atlas-export/client")
          : (createRequire(import.meta.url)("@atlas-export/client") as typeof import("@atlas-export/client"));
      const verifier = new DigestVerifier({ username: "public", password: "private" });
      let unauthorized = 0;
      const server = await startServer((request, response) => {
        if (verifier.verify(request) !== "ok") {
          unauthorized += 1;
          response.writeHead(401, { "WWW-Authenticate": verifier.challenge() }).end();
          return;
        }
        sendJson(
          response,
          200,
          { id: "32b6e34b3d91647abb20e7b8" },
          {},
          "application/vnd.atlas.2023-01-01+json",
        );
      });
      try {
        const atlas = client.createAtlasClient({
          baseUrl: server.url,
          auth: client.digestAuth({ publicKey: "public", privateKey: "private" }),
        });
        const params = {
          groupId: "32b6e34b3d91647abb20e7b8",
          clusterName: "Cluster0",
          exportId: "32b6e34b3d91647abb20e7b8",
        };
        for (let call = 0; call < 3; call += 1) {
          expect(await atlas.getBackupExportJob(params)).toEqual({ id: "32b6e34b3d91647abb20e7b8" });
        }
        expect(unauthorized).toBe(1);
        expect(verifier.rejections).toEqual(["no digest credentials"]);
      } finally {
        await server.close();
      }
    });
  }

  it("writes its real version into the User-Agent", async () => {
    const { CLIENT_VERSION } = (await import("@atlas-export/client")) as { CLIENT_VERSION: string };
    const { version } = createRequire(import.meta.url)("@atlas-export/client/package.json") as {
      version: string;
    };
    expect(CLIENT_VERSION).toBe(version);
  });
});
