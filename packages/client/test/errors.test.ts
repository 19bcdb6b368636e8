import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { AtlasApiError, AtlasAuthError, AtlasError, createAtlasClient } from "../src/index.js";
import { ids, job, jobPath, jsonResponse, MEDIA_TYPE } from "./support/fixtures.js";
import { sendJson, startServer, type TestServer } from "./support/http-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("errors from Atlas", () => {
  it("turns the documented 404 into AtlasApiError with every ApiError field, the headers and the request id", async () => {
    server = await startServer((_request, res) =>
      sendJson(
        res,
        404,
        {
          error: 404,
          detail: "Cannot find resource AWS",
          reason: "Not Found",
          errorCode: "RESOURCE_NOT_FOUND",
          parameters: ["AWS"],
        },
        { "X-Request-Id": "req-123", "RateLimit-Remaining": "99" },
      ),
    );
    const atlas = createAtlasClient({ baseUrl: server.url });
    const error = (await atlas.getBackupExportJob(ids).catch((e: unknown) => e)) as AtlasApiError;
    expect(error).toBeInstanceOf(AtlasApiError);
    expect(error).toBeInstanceOf(AtlasError);
    expect(error.message).toBe("404 RESOURCE_NOT_FOUND: Cannot find resource AWS");
    expect(error).toMatchObject({
      name: "AtlasApiError",
      status: 404,
      errorCode: "RESOURCE_NOT_FOUND",
      detail: "Cannot find resource AWS",
      reason: "Not Found",
      parameters: ["AWS"],
      requestId: "req-123",
    });
    expect(error.headers["ratelimit-remaining"]).toBe("99");
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [
      "HTML from a proxy",
      502,
      "text/html",
      "<html><body><h1>502 Bad Gateway</h1></body></html>",
      /502 HTTP_ERROR: .*502 Bad Gateway/,
    ],
    ["an empty body", 500, "application/json", "", /500 HTTP_ERROR: .*empty body/],
    [
      "truncated JSON",
      500,
      "application/json",
      '{"error":500,"errorCo',
      /500 HTTP_ERROR: .*\{\\"error\\":500/,
    ],
    ["a truncated 200", 200, MEDIA_TYPE, '{"id":"32b6', /200 INVALID_RESPONSE: expected a JSON job/],
    ["a 200 in HTML", 200, "text/html", "<html>login</html>", /200 INVALID_RESPONSE: .*text\/html/],
  ])(
    "reports %s as AtlasApiError with the status and a snippet, never a SyntaxError",
    async (_name, status, type, body, message) => {
      server = await startServer((_request, res) => {
        res.writeHead(status, { "Content-Type": type });
        res.end(body);
      });
      const atlas = createAtlasClient({ baseUrl: server.url, retry: { maxRetries: 0 } });
      const error = await atlas.getBackupExportJob(ids).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AtlasApiError);
      expect(error).not.toBeInstanceOf(SyntaxError);
      expect((error as AtlasApiError).status).toBe(status);
      expect((error as Error).message).toMatch(message);
    },
  );

  it("reports a transfer cut off mid-body as AtlasApiError TRUNCATED_RESPONSE with what arrived", async () => {
    server = await startServer((_request, res) => {
      const body = JSON.stringify(job());
      res.writeHead(200, { "Content-Type": MEDIA_TYPE, "Content-Length": String(body.length) });
      res.write(body.slice(0, 40), () => res.socket?.destroy());
    });
    const atlas = createAtlasClient({ baseUrl: server.url, retry: { maxRetries: 0 } });
    const error = (await atlas.getBackupExportJob(ids).catch((e: unknown) => e)) as AtlasApiError;
    expect(error).toBeInstanceOf(AtlasApiError);
    expect(error).toMatchObject({ status: 200, errorCode: "TRUNCATED_RESPONSE" });
    expect(error.message).toMatch(/^200 TRUNCATED_RESPONSE: the connection closed after 40 of \d+ bytes/);
    expect(error.snippet).toBe(JSON.stringify(job()).slice(0, 40));
  });

  it("retries a truncated transfer like a dropped connection", async () => {
    let calls = 0;
    server = await startServer((_request, res) => {
      const body = JSON.stringify(job());
      calls += 1;
      res.writeHead(200, { "Content-Type": MEDIA_TYPE, "Content-Length": String(body.length) });
      if (calls === 1) res.write(body.slice(0, 10), () => res.socket?.destroy());
      else res.end(body);
    });
    const atlas = createAtlasClient({ baseUrl: server.url, retry: { initialDelayMs: 1, maxDelayMs: 1 } });
    await expect(atlas.getBackupExportJob(ids)).resolves.toEqual(job());
    expect(server.requests).toHaveLength(2);
  });

  it("cuts a long non-JSON body down to a short snippet", async () => {
    server = await startServer((_request, res) => {
      res.writeHead(500, { "Content-Type": "text/html" }).end(`<p>${"x".repeat(5000)}</p>`);
    });
    const atlas = createAtlasClient({ baseUrl: server.url, retry: { maxRetries: 0 } });
    const error = (await atlas.getBackupExportJob(ids).catch((e: unknown) => e)) as AtlasApiError;
    expect(error.snippet!.length).toBeLessThanOrEqual(201);
  });

  it("accepts a job whose media type carries parameters", async () => {
    server = await startServer((_request, res) =>
      sendJson(res, 200, job(), {}, `${MEDIA_TYPE}; charset=utf-8`),
    );
    const atlas = createAtlasClient({ baseUrl: server.url });
    await expect(atlas.getBackupExportJob(ids)).resolves.toEqual(job());
  });

  it("turns a 401 without auth middleware into AtlasAuthError", async () => {
    const atlas = createAtlasClient({
      fetch: async () => jsonResponse(401, { error: 401, errorCode: "UNAUTHORIZED", reason: "Unauthorized" }),
    });
    await expect(atlas.getBackupExportJob(ids)).rejects.toBeInstanceOf(AtlasAuthError);
  });

  it("keeps 403 an AtlasApiError with its errorCode", async () => {
    const atlas = createAtlasClient({
      fetch: async () =>
        jsonResponse(403, { error: 403, errorCode: "ORG_REQUIRES_ACCESS_LIST", reason: "Forbidden" }),
    });
    await expect(atlas.getBackupExportJob(ids)).rejects.toMatchObject({
      status: 403,
      errorCode: "ORG_REQUIRES_ACCESS_LIST",
    });
  });

  it("serialises errors without request headers, so no credential can leak through them", async () => {
    const atlas = createAtlasClient({
      fetch: async () => jsonResponse(404, { error: 404, errorCode: "RESOURCE_NOT_FOUND", detail: "gone" }),
    });
    const error = await atlas.getBackupExportJob(ids).catch((e: unknown) => e);
    expect(JSON.stringify(error) + inspect(error, { depth: 10 })).not.toMatch(/authorization/i);
  });
});

describe("envelope", () => {
  it("sends envelope=true and unwraps { status, content }", async () => {
    server = await startServer((_request, res) =>
      sendJson(res, 200, { status: 200, content: job() }, {}, MEDIA_TYPE),
    );
    const atlas = createAtlasClient({ baseUrl: server.url });
    await expect(atlas.getBackupExportJob(ids, { envelope: true })).resolves.toEqual(job());
    expect(server.requests[0]!.url).toBe(`${jobPath}?envelope=true`);
  });

  it("still raises an enveloped error, with the status from the envelope", async () => {
    server = await startServer((_request, res) =>
      sendJson(res, 200, {
        status: 404,
        content: { error: 404, errorCode: "RESOURCE_NOT_FOUND", detail: "no such export" },
      }),
    );
    const atlas = createAtlasClient({ baseUrl: server.url });
    await expect(atlas.getBackupExportJob(ids, { envelope: true })).rejects.toMatchObject({
      status: 404,
      errorCode: "RESOURCE_NOT_FOUND",
      message: "404 RESOURCE_NOT_FOUND: no such export",
    });
  });

  it("rejects a body that is not an envelope when one was asked for", async () => {
    const atlas = createAtlasClient({ fetch: async () => jsonResponse(200, job()) });
    await expect(atlas.getBackupExportJob(ids, { envelope: true })).rejects.toThrow(
      /not \{ status, content \}/,
    );
  });
});

describe("AtlasError", () => {
  it("serialises to JSON with its name, message and fields", () => {
    const error = new AtlasApiError({
      status: 404,
      errorCode: "RESOURCE_NOT_FOUND",
      detail: "Cannot find resource AWS",
    });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "AtlasApiError",
      message: "404 RESOURCE_NOT_FOUND: Cannot find resource AWS",
      status: 404,
      errorCode: "RESOURCE_NOT_FOUND",
    });
  });
});
