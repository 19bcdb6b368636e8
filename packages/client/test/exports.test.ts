import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { DigestVerifier } from "./support/digest-verifier.js";
import { sendJson, startServer } from "./support/http-server.js";
import { TokenEndpoint } from "./support/token-endpoint.js";

type ClientModule = typeof import("@atlas-export/client");

/** The built package, as `import` (ESM) or `require` (CommonJS) loads it. */
async function load(build: "ESM" | "CommonJS"): Promise<ClientModule> {
  return build === "ESM"
    ? await import("@atlas-export/client")
    : (createRequire(import.meta.url)("@atlas-export/client") as ClientModule);
}

const params = {
  groupId: "32b6e34b3d91647abb20e7b8",
  clusterName: "Cluster0",
  exportId: "32b6e34b3d91647abb20e7b8",
};

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
  "stripControlCharacters",
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

  it("sends atlas.api requests through openapi-fetch in the CommonJS build too", async () => {
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
        .api.GET("/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}", {
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

  for (const build of ["ESM", "CommonJS"] as const) {
    it(`answers a digest challenge once, then signs every call, through the ${build} build`, async () => {
      const client = await load(build);
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

  for (const build of ["ESM", "CommonJS"] as const) {
    it(`mints one service-account token for every call and revokes it on close, through the ${build} build`, async () => {
      const client = await load(build);
      const tokens = new TokenEndpoint({ clientId: "mdb_sa_id", clientSecret: "mdb_sa_sk" });
      const server = await startServer((request, response) => {
        if (tokens.handle(request, response)) return;
        if (!tokens.authorized(request)) {
          response.writeHead(401).end();
          return;
        }
        sendJson(response, 200, { id: params.exportId }, {}, "application/vnd.atlas.2023-01-01+json");
      });
      try {
        const atlas = client.createAtlasClient({
          baseUrl: server.url,
          auth: client.serviceAccountAuth({ clientId: "mdb_sa_id", clientSecret: "mdb_sa_sk" }),
        });
        for (let call = 0; call < 3; call += 1) {
          expect(await atlas.getBackupExportJob(params)).toEqual({ id: params.exportId });
        }
        await atlas.close();
        expect(tokens.minted).toBe(1);
        expect(tokens.revoked).toHaveLength(1);
      } finally {
        await server.close();
      }
    });

    it(`signs atlas.api requests with digest through the ${build} build`, async () => {
      const client = await load(build);
      const verifier = new DigestVerifier({ username: "public", password: "private" });
      const server = await startServer((request, response) => {
        if (verifier.verify(request) !== "ok") {
          response.writeHead(401, { "WWW-Authenticate": verifier.challenge() }).end();
          return;
        }
        sendJson(response, 200, { id: params.exportId }, {}, "application/vnd.atlas.2023-01-01+json");
      });
      try {
        const atlas = client.createAtlasClient({
          baseUrl: server.url,
          auth: client.digestAuth({ publicKey: "public", privateKey: "private" }),
        });
        const { data, response } = await atlas.api.GET(
          "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}",
          { params: { path: params } },
        );
        expect(response.status).toBe(200);
        expect(data).toEqual({ id: params.exportId });
        expect(verifier.rejections).toEqual(["no digest credentials"]);
      } finally {
        await server.close();
      }
    });
  }

  it.each(["index.js", "index.cjs"])(
    "has one static entry, %s, without node:http or dynamic import()",
    async (file) => {
      const entry = await readFile(new URL(`../dist/${file}`, import.meta.url), "utf8");
      expect(entry).not.toMatch(/\bimport\(/);
      expect(entry).not.toMatch(/["'](node:)?https?["']/);
      expect(entry).not.toMatch(/^import\s[^;]*?from\s*"\.\//m);
    },
  );

  it("has one send path in its source: no node:http import and no dynamic import()", async () => {
    const dir = new URL("../src/", import.meta.url);
    for (const name of await readdir(dir)) {
      const source = await readFile(new URL(name, dir), "utf8");
      expect(source, name).not.toMatch(/from\s+["']node:https?["']/);
      expect(source, name).not.toMatch(/\bimport\(/);
    }
  });

  it("writes its real version into the User-Agent", async () => {
    const { CLIENT_VERSION } = (await import("@atlas-export/client")) as { CLIENT_VERSION: string };
    const { version } = createRequire(import.meta.url)("@atlas-export/client/package.json") as {
      version: string;
    };
    expect(CLIENT_VERSION).toBe(version);
  });
});
