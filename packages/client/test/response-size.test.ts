import { afterEach, describe, expect, it } from "vitest";
import { AtlasApiError, AtlasValidationError, createAtlasClient } from "../src/index.js";
import { ids, job, MEDIA_TYPE } from "./support/fixtures.js";
import { startServer, type TestServer } from "./support/http-server.js";

const JOB = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}" as const;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A JSON body of about `bytes` bytes: a job whose prefix is padded. */
function bigJob(bytes: number): string {
  return JSON.stringify(job({ prefix: "x".repeat(bytes) }));
}

describe("response size limit (maxResponseBytes, default 4 MiB)", () => {
  it.each([
    ["a 5 MB job", 200],
    ["a 5 MB error body", 500],
  ])("refuses %s with a short RESPONSE_TOO_LARGE error, without retrying", async (_name, status) => {
    server = await startServer((_request, res) => {
      res.writeHead(status, { "Content-Type": MEDIA_TYPE }).end(bigJob(5_000_000));
    });
    const error = (await createAtlasClient({ baseUrl: server.url, retry: { initialDelayMs: 1 } })
      .getBackupExportJob(ids)
      .catch((e: unknown) => e)) as AtlasApiError;
    expect(error).toBeInstanceOf(AtlasApiError);
    expect(error).toMatchObject({ status, errorCode: "RESPONSE_TOO_LARGE" });
    expect(error.message).toMatch(/larger than maxResponseBytes \(4194304 bytes\)/);
    expect(error.message.length).toBeLessThan(300);
    expect(server.requests).toHaveLength(1);
  });

  it("stops reading an endless chunked body and closes its connection", async () => {
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    server = await startServer((_request, res) => {
      res.writeHead(200, { "Content-Type": MEDIA_TYPE }); // no Content-Length: chunked, and it never ends
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", pump);
      };
      res.on("close", () => closed());
      pump();
    });
    const error = await createAtlasClient({ baseUrl: server.url, maxResponseBytes: 256 * 1024 })
      .getBackupExportJob(ids)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AtlasApiError", errorCode: "RESPONSE_TOO_LARGE", status: 200 });
    await connectionClosed;
  });

  it("refuses a body whose Content-Length is over the limit before reading it", async () => {
    server = await startServer((_request, res) => {
      res.writeHead(200, { "Content-Type": MEDIA_TYPE, "Content-Length": "10000000" });
      res.write('{"id":'); // and nothing more: only the declared length can end this call quickly
    });
    const error = await createAtlasClient({ baseUrl: server.url, timeoutMs: 60_000 })
      .getBackupExportJob(ids)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ errorCode: "RESPONSE_TOO_LARGE" });
  });

  it("applies to atlas.api too", async () => {
    server = await startServer((_request, res) => {
      res.writeHead(200, { "Content-Type": MEDIA_TYPE }).end(bigJob(2000));
    });
    const atlas = createAtlasClient({ baseUrl: server.url, maxResponseBytes: 1000 });
    await expect(atlas.api.GET(JOB, { params: { path: ids } })).rejects.toMatchObject({
      errorCode: "RESPONSE_TOO_LARGE",
    });
  });

  it("accepts a body of exactly maxResponseBytes", async () => {
    const body = bigJob(1000);
    server = await startServer((_request, res) => {
      res.writeHead(200, { "Content-Type": MEDIA_TYPE }).end(body);
    });
    const atlas = createAtlasClient({ baseUrl: server.url, maxResponseBytes: Buffer.byteLength(body) });
    await expect(atlas.getBackupExportJob(ids)).resolves.toMatchObject({ id: ids.exportId });
  });

  it.each([0, -1, 1.5, 2 ** 31, Number.NaN])("refuses maxResponseBytes %s", (maxResponseBytes) => {
    expect(() => createAtlasClient({ maxResponseBytes })).toThrow(AtlasValidationError);
    expect(() => createAtlasClient({ maxResponseBytes })).toThrow(/maxResponseBytes/);
  });
});
