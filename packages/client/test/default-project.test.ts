import { describe, expect, it } from "vitest";
import { AtlasValidationError, createAtlasClient } from "../src/index.js";
import { ids, job, jobPath, jsonResponse } from "./support/fixtures.js";
import { scriptedFetch } from "./support/scripted-fetch.js";

const { groupId: _groupId, ...withoutGroup } = ids;
const otherProject = "5f1b0c0d0e0f101112131415";
const key = { MONGODB_ATLAS_PUBLIC_API_KEY: "pub", MONGODB_ATLAS_PRIVATE_API_KEY: "priv" };

/** A digest challenge then `answers`, so fromEnv's API-key client gets through. */
function digestFetch(...answers: Response[]) {
  return scriptedFetch([
    new Response("", {
      status: 401,
      headers: { "WWW-Authenticate": 'Digest realm="MMS Public API", nonce="n1", qop="auth"' },
    }),
    ...answers,
  ]);
}

describe("the default project (projectId, MONGODB_ATLAS_PROJECT_ID)", () => {
  it("sends the client's projectId as groupId when a call names none", async () => {
    const { fetch, requests } = scriptedFetch([jsonResponse(200, job())]);
    await createAtlasClient({ fetch, projectId: ids.groupId }).getBackupExportJob(withoutGroup);
    expect(new URL(requests[0]!.url).pathname).toBe(jobPath);
  });

  it("lets a call's own groupId win over the default", async () => {
    const { fetch, requests } = scriptedFetch([jsonResponse(200, job())]);
    await createAtlasClient({ fetch, projectId: otherProject }).getBackupExportJob(ids);
    expect(new URL(requests[0]!.url).pathname).toBe(jobPath);
  });

  it("reads MONGODB_ATLAS_PROJECT_ID in fromEnv", async () => {
    const { fetch, requests } = digestFetch(jsonResponse(200, job()));
    const atlas = createAtlasClient.fromEnv({
      env: { ...key, MONGODB_ATLAS_PROJECT_ID: ids.groupId },
      fetch,
    });
    await atlas.getBackupExportJob(withoutGroup);
    expect(new URL(requests[1]!.url).pathname).toBe(jobPath);
  });

  it("prefers the projectId option over MONGODB_ATLAS_PROJECT_ID", async () => {
    const { fetch, requests } = digestFetch(jsonResponse(200, job()));
    const atlas = createAtlasClient.fromEnv({
      env: { ...key, MONGODB_ATLAS_PROJECT_ID: otherProject },
      projectId: ids.groupId,
      fetch,
    });
    await atlas.getBackupExportJob(withoutGroup);
    expect(new URL(requests[1]!.url).pathname).toBe(jobPath);
  });

  it("uses the default project while waiting for a job", async () => {
    const { fetch, requests } = scriptedFetch([jsonResponse(200, job({ state: "Successful" }))]);
    await createAtlasClient({ fetch, projectId: ids.groupId }).waitForBackupExportJob(withoutGroup);
    expect(new URL(requests[0]!.url).pathname).toBe(jobPath);
  });

  it.each([
    [
      "getBackupExportJob",
      (atlas: ReturnType<typeof createAtlasClient.fromEnv>) => atlas.getBackupExportJob(withoutGroup),
    ],
    [
      "waitForBackupExportJob",
      (atlas: ReturnType<typeof createAtlasClient.fromEnv>) => atlas.waitForBackupExportJob(withoutGroup),
    ],
  ])(
    "%s without groupId or a default rejects before any request, naming both ways to give one",
    async (method, call) => {
      const { fetch, requests } = scriptedFetch([]);
      const error = await call(createAtlasClient.fromEnv({ env: key, fetch })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AtlasValidationError);
      expect((error as AtlasValidationError).parameter).toBe("groupId");
      expect((error as Error).message).toBe(
        `@atlas-export/client: ${method}({ groupId }) is missing: pass the project id as groupId, or create the client with the projectId option (createAtlasClient.fromEnv() reads MONGODB_ATLAS_PROJECT_ID)`,
      );
      expect(requests).toHaveLength(0);
    },
  );

  it("refuses a projectId that is not a project id, naming the option", () => {
    expect(() => createAtlasClient({ projectId: "my-project" })).toThrow(
      /createAtlasClient\(\{ projectId \}\) must be a project id of 24 hexadecimal digits, as Atlas shows it \(got "my-project"\)/,
    );
  });

  it("refuses a MONGODB_ATLAS_PROJECT_ID that is not a project id, naming the variable", () => {
    expect(() =>
      createAtlasClient.fromEnv({ env: { ...key, MONGODB_ATLAS_PROJECT_ID: "Project 0" } }),
    ).toThrow(/MONGODB_ATLAS_PROJECT_ID must be a project id of 24 hexadecimal digits/);
  });
});
