import { createServer, type Server } from "node:http";
import { PassThrough } from "node:stream";
import { DEMO_API_KEY } from "@atlas-export/mock-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../src/run-cli.js";

const GROUP_ID = "32b6e34b3d91647abb20e7b8";
const ID = "32b6e34b3d91647abb20e7b9";
// Short enough that three attempts and their backoff take a couple of seconds; the limits are the same
// code path as the real 30 s.
const REQUEST_TIMEOUT_MS = 200;

/** A host that accepts every request and never answers (a hung proxy, a black-holed route). */
let silent: Server;
let received: string[] = [];
let baseUrl: string;

beforeAll(async () => {
  silent = createServer((request) => received.push(`${request.method} ${request.url}`));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const address = silent.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

beforeEach(() => {
  received = [];
});

afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  const stdout = collect();
  const stderr = collect();
  const code = await runCli({
    argv: [...args, "--project-id", GROUP_ID, "--base-url", baseUrl],
    env: {
      MONGODB_ATLAS_PUBLIC_API_KEY: DEMO_API_KEY.publicKey,
      MONGODB_ATLAS_PRIVATE_API_KEY: DEMO_API_KEY.privateKey,
    },
    stdout: stdout.stream,
    stderr: stderr.stream,
    version: "0.0.0-test",
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
  return { code, stderr: stderr.text() };
}

const GET = ["get", "--cluster-name", "Cluster0", "--export-id", ID];
const JOBS_CREATE = ["jobs", "create", "--cluster-name", "Cluster0", "--bucket-id", ID, "--snapshot-id", ID];
const BUCKETS_CREATE = [
  "buckets",
  "create",
  "--cloud-provider",
  "AWS",
  "--bucket-name",
  "b",
  "--iam-role-id",
  ID,
];

describe("a host that never answers", () => {
  it("makes a read exit 5 saying how long each of its three attempts waited, in seconds", async () => {
    const result = await run(GET);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain(
      `atlas-export: timed out: no answer from ${new URL(baseUrl).host} within 0.2 s; gave up after 3 attempts.\n`,
    );
    expect(received).toHaveLength(3);
  });

  it("makes a read point at the base URL, the proxy settings and the network, not at a flag it lacks", async () => {
    const result = await run(GET);
    expect(result.stderr).toMatch(/Check --base-url or MONGODB_ATLAS_BASE_URL, .*network.*HTTPS_PROXY/);
    expect(result.stderr).not.toMatch(/--timeout|run the command again|\d ms/);
  });

  it("sends an export job's create once, exit 5", async () => {
    const result = await run(JOBS_CREATE);
    expect(result.code).toBe(5);
    expect(received).toEqual([`POST /api/atlas/v2/groups/${GROUP_ID}/clusters/Cluster0/backup/exports`]);
    expect(result.stderr).toMatch(/within 0\.2 s to the request creating the export job; it was sent once/);
  });

  it("tells to look at jobs list before running jobs create again", async () => {
    const result = await run(JOBS_CREATE);
    expect(result.stderr).toContain(
      `The export job may have been created: look at \`atlas-export jobs list --project-id ${GROUP_ID} --cluster-name Cluster0\` before running the command again.`,
    );
    expect(result.stderr).not.toMatch(/--timeout/);
  });

  it("tells to look at buckets list before running buckets create again", async () => {
    const result = await run(BUCKETS_CREATE);
    expect(result.code).toBe(5);
    expect(received).toHaveLength(1);
    expect(result.stderr).toContain(
      `The export bucket may have been created: look at \`atlas-export buckets list --project-id ${GROUP_ID}\``,
    );
  });
});
