import { describe, expect, it } from "vitest";
import { AtlasError, AtlasValidationError, createAtlasClient } from "../src/index.js";
import { ids, job, jsonResponse } from "./support/fixtures.js";
import { scriptedFetch } from "./support/scripted-fetch.js";

const JOB = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}" as const;

// What JavaScript callers (or `as any`) can pass: every mistake is an AtlasValidationError, before any
// request, never a TypeError and never a request to a half-filled path.
describe("arguments a typed caller could not pass", () => {
  it.each([
    ["no params", [], "params"],
    ["undefined params", [undefined], "params"],
    ["null params", [null], "params"],
    ["a string for params", ["Cluster0"], "params"],
    ["a number for groupId", [{ ...ids, groupId: 1 }], "groupId"],
    ["a string for options", [ids, "envelope"], "options"],
    ["null options", [ids, null], "options"],
    ["a signal that is not an AbortSignal", [ids, { signal: "stop" }], "signal"],
    ["an envelope that is not a boolean", [ids, { envelope: "yes" }], "envelope"],
  ])(
    "getBackupExportJob with %s rejects with AtlasValidationError naming it",
    async (_name, args, parameter) => {
      const { fetch, requests } = scriptedFetch([jsonResponse(200, job())]);
      const atlas = createAtlasClient({ fetch });
      const call = (atlas.getBackupExportJob as (...rest: unknown[]) => Promise<unknown>)(...args);
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AtlasValidationError);
      expect(error).toMatchObject({ parameter });
      expect(requests).toHaveLength(0);
    },
  );

  it.each([
    ["undefined params", [undefined], "params"],
    ["null options", [ids, null], "options"],
    ["a signal that is not an AbortSignal", [ids, { signal: 5 }], "signal"],
  ])(
    "waitForBackupExportJob with %s rejects with AtlasValidationError naming it",
    async (_name, args, parameter) => {
      const { fetch, requests } = scriptedFetch([jsonResponse(200, job())]);
      const atlas = createAtlasClient({ fetch });
      const wait = (atlas.waitForBackupExportJob as (...rest: unknown[]) => Promise<unknown>)(...args);
      const error = await wait.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AtlasValidationError);
      expect(error).toMatchObject({ parameter });
      expect(requests).toHaveLength(0);
    },
  );

  it("refuses atlas.api calls without path parameters instead of sending the template's {groupId}", async () => {
    const { fetch, requests } = scriptedFetch([jsonResponse(200, job())]);
    const atlas = createAtlasClient({ fetch });
    const error = await (atlas.api.GET as (path: string) => Promise<unknown>)(JOB).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasValidationError);
    expect(error).toMatchObject({ parameter: "groupId" });
    expect(requests).toHaveLength(0);
  });

  it("refuses an atlas.api signal that is not an AbortSignal", async () => {
    const { fetch, requests } = scriptedFetch([jsonResponse(200, job())]);
    const atlas = createAtlasClient({ fetch });
    const error = await atlas.api
      .GET(JOB, { params: { path: ids }, signal: "stop" as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasError);
    expect(error).toMatchObject({ parameter: "signal" });
    expect(requests).toHaveLength(0);
  });
});
