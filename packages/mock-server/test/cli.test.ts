import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_API_KEY, DEMO_SERVICE_ACCOUNT } from "../src/index.js";
import { ATLAS_ACCEPT, DOCUMENTED_REF, httpsGetWithToken, jobPath, mintToken } from "./helpers.js";
import { createTestCertificates } from "../src/create-test-certificates.js";
import { commandOnPath } from "./command-on-path.js";

const hasOpenssl = commandOnPath("openssl", "apt-get install openssl");
const BIN = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the built command; resolves with its output so far once a line matches `until`. */
function start(args: string[], until: RegExp = /listening on (http:\/\/\S+)/) {
  if (!existsSync(BIN))
    throw new Error(`${BIN} is missing: run "pnpm --filter @atlas-export/mock-server build" first`);
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  running.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const finished = new Promise<Finished>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      if (until.test(stdout)) resolve(stdout);
    });
    void finished.then((result) =>
      reject(new Error(`exited early (${String(result.code)}): ${result.stderr}`)),
    );
  });
  // Tests that expect an early exit await `finished` and never look at `ready`.
  ready.catch(() => undefined);
  return { child, ready, finished, output: () => stdout };
}

const urlOf = (stdout: string): string => /listening on (https?:\/\/\S+)/.exec(stdout)?.[1] ?? "";

// Spawning Node can be slow on a loaded CI machine; these tests wait for output, not for time.
describe("atlas-export-mock", { timeout: 20_000 }, () => {
  it("starts with a shebang'd bin, prints where it listens and the demo credentials it accepts", async () => {
    const { ready } = start([]);
    const stdout = await ready;
    expect(stdout).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\n/);
    expect(stdout).toContain(`${DEMO_API_KEY.publicKey}:${DEMO_API_KEY.privateKey}`);
    expect(stdout).toContain(`${DEMO_SERVICE_ACCOUNT.clientId}:${DEMO_SERVICE_ACCOUNT.clientSecret}`);
  });

  it("serves the documented job to the demo service account", async () => {
    const url = urlOf(await start([]).ready);
    const token = await mintToken(url, DEMO_SERVICE_ACCOUNT.clientId, DEMO_SERVICE_ACCOUNT.clientSecret);
    const response = await fetch(url + jobPath(DOCUMENTED_REF), {
      headers: { ...ATLAS_ACCEPT, authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
  });

  it.each(["SIGTERM", "SIGINT"] as const)("stops cleanly on %s with exit code 0", async (signal) => {
    const { child, ready, finished } = start([]);
    const url = urlOf(await ready);
    child.kill(signal);
    const result = await finished;
    expect(result).toMatchObject({ code: 0, signal: null });
    expect(result.stdout).toContain(`received ${signal}, stopping`);
    await expect(fetch(url)).rejects.toThrow();
  });

  it("accepts the credentials it is given and never prints their secrets", async () => {
    const { ready } = start([
      "--api-key",
      "abcdefgh:private-key-value",
      "--service-account",
      "mdb_sa_id_x:secret:with:colons",
      "--port",
      "0",
    ]);
    const stdout = await ready;
    expect(stdout).toContain("abcdefgh");
    expect(stdout).toContain("mdb_sa_id_x");
    expect(stdout).not.toContain("private-key-value");
    expect(stdout).not.toContain("secret:with:colons");
    expect(stdout).not.toContain(DEMO_API_KEY.privateKey);
    await expect(mintToken(urlOf(stdout), "mdb_sa_id_x", "secret:with:colons")).resolves.toEqual(
      expect.any(String),
    );
  });

  it("serves a job added with --job next to the documented one", async () => {
    const stdout = await start(
      ["--job", "5f1b0c0d0e0f101112131415/Cluster1/6650a1b2c3d4e5f601234567"],
      /Cluster1.*\n/,
    ).ready;
    expect(stdout).toMatch(/exports\/32b6e34b3d91647abb20e7b8 \(Cancelled\)/);
    expect(stdout).toMatch(
      /groups\/5f1b0c0d0e0f101112131415\/clusters\/Cluster1\/backup\/exports\/6650a1b2c3d4e5f601234567 \(Queued\)/,
    );
  });

  it("prints the bucket and snapshots it holds, and serves three snapshots of each --cluster", async () => {
    const stdout = await start(
      ["--cluster", "5f1b0c0d0e0f101112131415/Cluster9"],
      /exports\/32b6e34b3d91647abb20e7b8 .*\n/,
    ).ready;
    expect(stdout).toMatch(
      /bucket: +http:\/\/\S+\/backup\/exportBuckets\/32b6e34b3d91647abb20e7b8 \(AWS export-bucket\)/,
    );
    expect(stdout.match(/clusters\/Cluster0\/backup\/snapshots\//g)).toHaveLength(3);
    expect(
      stdout.match(/groups\/5f1b0c0d0e0f101112131415\/clusters\/Cluster9\/backup\/snapshots\//g),
    ).toHaveLength(3);
    const url = urlOf(stdout);
    const token = await mintToken(url, DEMO_SERVICE_ACCOUNT.clientId, DEMO_SERVICE_ACCOUNT.clientSecret);
    const response = await fetch(
      `${url}/api/atlas/v2/groups/5f1b0c0d0e0f101112131415/clusters/Cluster9/backup/snapshots`,
      {
        headers: { ...ATLAS_ACCEPT, authorization: `Bearer ${token}` },
      },
    );
    expect(await response.json()).toMatchObject({ totalCount: 3 });
  });

  it("answers 404 CLUSTER_NOT_FOUND for a cluster no flag names", async () => {
    const url = urlOf(await start([]).ready);
    const token = await mintToken(url, DEMO_SERVICE_ACCOUNT.clientId, DEMO_SERVICE_ACCOUNT.clientSecret);
    const response = await fetch(
      `${url}/api/atlas/v2/groups/5f1b0c0d0e0f101112131415/clusters/Cluster9/backup/snapshots`,
      { headers: { ...ATLAS_ACCEPT, authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ errorCode: "CLUSTER_NOT_FOUND" });
  });

  it("serves the jobs of --jobs-file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "atlas-export-mock-")), "jobs.json");
    const job = {
      groupId: "5f1b0c0d0e0f101112131415",
      clusterName: "Cluster2",
      exportId: "6650a1b2c3d4e5f601234567",
    };
    writeFileSync(file, JSON.stringify([{ ...job, queuedMs: 0, durationMs: 0, outcome: "Failed" }]));
    const stdout = await start(["--jobs-file", file], /Cluster2.*\n/).ready;
    expect(stdout).toMatch(/Cluster2\/backup\/exports\/6650a1b2c3d4e5f601234567 \(Failed\)/);
  });

  it.skipIf(!hasOpenssl)(
    "serves HTTPS with --tls-cert and --tls-key to a client that trusts the CA",
    async () => {
      const certs = createTestCertificates();
      try {
        const stdout = await start(
          ["--tls-cert", certs.certFile, "--tls-key", certs.keyFile],
          /listening on https:\/\/\S+\n/,
        ).ready;
        const url = urlOf(stdout);
        expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        const response = await httpsGetWithToken(
          url,
          jobPath(DOCUMENTED_REF),
          certs.ca,
          DEMO_SERVICE_ACCOUNT,
        );
        expect(response.status).toBe(200);
      } finally {
        certs.remove();
      }
    },
  );

  it.skipIf(!hasOpenssl)("exits 2 on a --tls-key that is not a key, without a stack trace", async () => {
    const certs = createTestCertificates();
    try {
      const result = await start(["--tls-cert", certs.certFile, "--tls-key", certs.certFile], /$^/).finished;
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/option "tls" needs a PEM private key and the certificate for it/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      certs.remove();
    }
  });

  it("prints its usage with --help and exits 0", async () => {
    const result = await start(["--help"], /$^/).finished;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: atlas-export-mock/);
    expect(result.stdout).toContain("--service-account <ID:SECRET>");
  });

  it.each([
    ["an --api-key without a colon", ["--api-key", "justonepart"], /--api-key needs PUBLIC:PRIVATE/],
    [
      "a --service-account with an empty secret",
      ["--service-account", "id:"],
      /--service-account needs ID:SECRET/,
    ],
    ["a port out of range", ["--port", "70000"], /--port must be an integer 0-65535/],
    ["an unknown option", ["--verbose"], /Unknown option '--verbose'/],
    ["an empty --port", ["--port", ""], /--port must be an integer 0-65535/],
    [
      "a --job with two parts",
      ["--job", "5f1b0c0d0e0f101112131415/Cluster0"],
      /--job needs GROUP_ID\/CLUSTER\/EXPORT_ID/,
    ],
    [
      "a --job with a bad group id",
      ["--job", "nothex/Cluster0/6650a1b2c3d4e5f601234567"],
      /job "groupId" must NOT have fewer than 24 characters/,
    ],
    ["a --tls-cert without --tls-key", ["--tls-cert", "/nonexistent/cert.pem"], /--tls-cert needs --tls-key/],
    ["a --tls-key without --tls-cert", ["--tls-key", "/nonexistent/key.pem"], /--tls-key needs --tls-cert/],
    [
      "a missing --tls-cert file",
      ["--tls-cert", "/nonexistent/cert.pem", "--tls-key", "/nonexistent/key.pem"],
      /--tls-cert \/nonexistent\/cert.pem: cannot read it \(no such file\)/,
    ],
    [
      "a --tls-key that is a directory",
      ["--tls-cert", fileURLToPath(import.meta.url), "--tls-key", tmpdir()],
      /--tls-key \/\S+: cannot read it \(is a directory, not a file\)/,
    ],
    ["a --cluster with one part", ["--cluster", "Cluster9"], /--cluster needs GROUP_ID\/CLUSTER/],
    [
      "a --cluster with a bad group id",
      ["--cluster", "nothex/Cluster9"],
      /snapshot "groupId" must NOT have fewer than 24 characters/,
    ],
    [
      "a missing --jobs-file",
      ["--jobs-file", "/nonexistent/jobs.json"],
      /--jobs-file \/nonexistent\/jobs.json: .*ENOENT/,
    ],
  ])("exits 2 on %s, saying what is wrong", async (_name, args, message) => {
    const result = await start(args, /$^/).finished;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("atlas-export-mock --help");
  });

  it("exits 1 when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await start(["--port", String(port)], /$^/).finished;
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/could not start: .*EADDRINUSE/);
    } finally {
      blocker.close();
    }
  });
});
