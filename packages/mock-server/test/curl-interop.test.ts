import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_API_KEY,
  DEMO_SERVICE_ACCOUNT,
  DOCUMENTED_EXPORT_JOB,
  startMockAtlas,
  type MockAtlas,
} from "../src/index.js";
import { commandOnPath } from "./command-on-path.js";
import { DOCUMENTED_REF, jobPath } from "./helpers.js";

const run = promisify(execFile);
const hasCurl = commandOnPath("curl", "apt-get install curl");
let atlas: MockAtlas;

beforeAll(async () => {
  atlas = await startMockAtlas();
});
afterAll(() => atlas.close());

/** Runs the curl binary; --silent only hides the progress meter. */
async function curl(args: string[]): Promise<string> {
  const { stdout } = await run("curl", ["--silent", "--show-error", ...args]);
  return stdout;
}

/** Splits `curl --include` output into the last response's status, headers and body. */
function lastResponse(output: string): { status: number; headers: string; body: string } {
  const blocks = output.split(/\r\n\r\n/);
  // With --digest, curl prints the 401 challenge and then the real response.
  let index = 0;
  for (let i = 0; i < blocks.length; i += 1) if (/^HTTP\/[\d.]+ \d{3}/.test(blocks[i] ?? "")) index = i;
  const headers = blocks[index] ?? "";
  return {
    status: Number(/^HTTP\/[\d.]+ (\d{3})/.exec(headers)?.[1]),
    headers,
    body: blocks.slice(index + 1).join("\r\n\r\n"),
  };
}

const documentedUrl = () => `${atlas.url}${jobPath(DOCUMENTED_REF)}?pretty=true`;

describe.skipIf(!hasCurl)(
  "the documentation page's curl command lines against the emulator",
  { timeout: 20_000 },
  () => {
    it("works with curl --digest and an API key", async () => {
      const output = await curl([
        "--user",
        `${DEMO_API_KEY.publicKey}:${DEMO_API_KEY.privateKey}`,
        "--digest",
        "--include",
        "--header",
        "Accept: application/vnd.atlas.2023-01-01+json",
        "-X",
        "GET",
        documentedUrl(),
      ]);
      const response = lastResponse(output);
      expect(output).toMatch(/^HTTP\/1\.1 401 Unauthorized/);
      expect(response.status).toBe(200);
      expect(response.headers).toMatch(/content-type: application\/vnd\.atlas\.2023-01-01\+json/i);
      expect(JSON.parse(response.body)).toEqual(DOCUMENTED_EXPORT_JOB);
      expect(response.body).toContain('\n  "state": "Cancelled"');
    });

    it("fails with curl --digest and a wrong private key", async () => {
      const output = await curl([
        "--user",
        `${DEMO_API_KEY.publicKey}:wrong-private-key`,
        "--digest",
        "--include",
        "--header",
        "Accept: application/vnd.atlas.2023-01-01+json",
        "-X",
        "GET",
        documentedUrl(),
      ]);
      const response = lastResponse(output);
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ error: 401, errorCode: "UNAUTHORIZED" });
    });

    it("works with a bearer token obtained, used and revoked with curl", async () => {
      const account = `${DEMO_SERVICE_ACCOUNT.clientId}:${DEMO_SERVICE_ACCOUNT.clientSecret}`;
      const tokenBody = await curl([
        "--user",
        account,
        "--header",
        "Content-Type: application/x-www-form-urlencoded",
        "--data",
        "grant_type=client_credentials",
        `${atlas.url}/api/oauth/token`,
      ]);
      const { access_token: accessToken } = JSON.parse(tokenBody) as { access_token: string };

      const output = await curl([
        "--include",
        "--header",
        `Authorization: Bearer ${accessToken}`,
        "--header",
        "Accept: application/vnd.atlas.2023-01-01+json",
        "-X",
        "GET",
        documentedUrl(),
      ]);
      const response = lastResponse(output);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual(DOCUMENTED_EXPORT_JOB);

      await curl([
        "--user",
        account,
        "--data",
        `token=${accessToken}&token_type_hint=access_token`,
        `${atlas.url}/api/oauth/revoke`,
      ]);
      const after = await curl([
        "--write-out",
        "%{http_code}",
        "--output",
        "/dev/null",
        "--header",
        `Authorization: Bearer ${accessToken}`,
        "--header",
        "Accept: application/vnd.atlas.2023-01-01+json",
        documentedUrl(),
      ]);
      expect(after).toBe("401");
    });
  },
);

describe.skipIf(!hasCurl)(
  "the export workflow with curl --digest (POST and DELETE signed by curl)",
  { timeout: 20_000 },
  () => {
    const user = ["--user", `${DEMO_API_KEY.publicKey}:${DEMO_API_KEY.privateKey}`, "--digest", "--include"];
    const group = () => `${atlas.url}/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8`;

    it("creates a bucket, exports the newest snapshot to it, and cannot delete the bucket while the export runs", async () => {
      const bucket = lastResponse(
        await curl([
          ...user,
          "--header",
          "Accept: application/vnd.atlas.2024-05-30+json",
          "--header",
          "Content-Type: application/vnd.atlas.2024-05-30+json",
          "--data",
          '{"cloudProvider":"GCP","bucketName":"curl-exports","roleId":"668c5f0ed436263134491592"}',
          `${group()}/backup/exportBuckets`,
        ]),
      );
      expect(bucket.status).toBe(200);
      const bucketId = (JSON.parse(bucket.body) as { _id: string })._id;

      const snapshots = lastResponse(
        await curl([
          ...user,
          "--header",
          "Accept: application/vnd.atlas.2023-01-01+json",
          `${group()}/clusters/Cluster0/backup/snapshots?itemsPerPage=1`,
        ]),
      );
      const newest = (JSON.parse(snapshots.body) as { results: Array<{ id: string }> }).results[0]?.id ?? "";

      const job = lastResponse(
        await curl([
          ...user,
          "--header",
          "Accept: application/vnd.atlas.2023-01-01+json",
          "--header",
          "Content-Type: application/vnd.atlas.2023-01-01+json",
          "--data",
          JSON.stringify({ snapshotId: newest, exportBucketId: bucketId }),
          `${group()}/clusters/Cluster0/backup/exports`,
        ]),
      );
      expect(job.status).toBe(200);
      expect(JSON.parse(job.body)).toMatchObject({
        state: "Queued",
        snapshotId: newest,
        exportBucketId: bucketId,
      });

      const refused = lastResponse(
        await curl([...user, "-X", "DELETE", `${group()}/backup/exportBuckets/${bucketId}`]),
      );
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.body)).toMatchObject({
        errorCode: "EXPORT_BUCKET_DELETE_FAILED_BUCKET_IN_USE",
      });
    });
  },
);
