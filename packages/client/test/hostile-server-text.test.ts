import { describe, expect, it } from "vitest";
import {
  AtlasApiError,
  AtlasAuthError,
  AtlasExportFailedError,
  createAtlasClient,
  serviceAccountAuth,
} from "../src/index.js";
import { ids, job, jsonResponse } from "./support/fixtures.js";
import { scriptedFetch } from "./support/scripted-fetch.js";

// What a hostile server (or whoever created the export) can put in the text a message quotes: escape
// sequences that retitle the window, clear the screen or forge a link, and sheer size.
const HOSTILE =
  "\x1b]0;pwned\x07\x1b[2J\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\\r\natlas-export: all good\x9b31m";
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;

async function failure(body: unknown, status = 404) {
  const { fetch } = scriptedFetch([jsonResponse(status, body)]);
  return createAtlasClient({ fetch, retry: { maxRetries: 0 } })
    .getBackupExportJob(ids)
    .catch((e: unknown) => e);
}

describe("server text in error messages", () => {
  it("strips escape sequences and control characters from the message, keeping the raw detail", async () => {
    const error = (await failure({ error: 404, errorCode: "NOT_FOUND", detail: HOSTILE })) as AtlasApiError;
    expect(error).toBeInstanceOf(AtlasApiError);
    expect(error.message).not.toMatch(CONTROL);
    expect(error.message).toBe("404 NOT_FOUND: click atlas-export: all good");
    expect(error.detail).toBe(HOSTILE);
  });

  it("keeps the message of a 1 MB detail short, and the whole detail in its field", async () => {
    const detail = "x".repeat(1024 * 1024);
    const error = (await failure({ error: 500, errorCode: "BIG", detail }, 400)) as AtlasApiError;
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toMatch(/^400 BIG: x+…$/);
    expect(error.detail).toHaveLength(detail.length);
  });

  it("keeps a huge errorCode out of the message's length", async () => {
    const error = (await failure({ error: 404, errorCode: "E".repeat(100_000) })) as AtlasApiError;
    expect(error.message.length).toBeLessThan(200);
    expect(error.errorCode).toHaveLength(100_000);
  });

  it("sanitizes a 401's detail in AtlasAuthError", async () => {
    const error = await failure({ error: 401, errorCode: "UNAUTHORIZED", detail: HOSTILE }, 401);
    expect(error).toBeInstanceOf(AtlasAuthError);
    expect((error as Error).message).not.toMatch(CONTROL);
  });

  it("sanitizes a stateReason in AtlasExportFailedError, keeping the raw one in the field", async () => {
    const stateReason = { errorCode: "EXPORT_FAILED", message: HOSTILE };
    const { fetch } = scriptedFetch([jsonResponse(200, job({ state: "Failed", stateReason }))]);
    const error = await createAtlasClient({ fetch })
      .waitForBackupExportJob(ids)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasExportFailedError);
    expect((error as Error).message).not.toMatch(CONTROL);
    expect((error as AtlasExportFailedError).stateReason?.message).toBe(HOSTILE);
  });

  it("sanitizes the token endpoint's error_description", async () => {
    const { fetch } = scriptedFetch([
      jsonResponse(401, { error: "invalid_client", error_description: HOSTILE + "y".repeat(100_000) }),
    ]);
    const atlas = createAtlasClient({
      fetch,
      auth: serviceAccountAuth({ clientId: "id", clientSecret: "s" }),
    });
    const error = await atlas.getBackupExportJob(ids).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasAuthError);
    expect((error as Error).message).not.toMatch(CONTROL);
    expect((error as Error).message.length).toBeLessThan(1000);
  });
});
