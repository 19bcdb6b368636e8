import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { MockAtlas, TestCertificates } from "@atlas-export/mock-server";
import {
  createTestCertificates,
  DEMO_API_KEY,
  DOCUMENTED_EXPORT_JOB_DEFINITION,
  startMockAtlas,
} from "@atlas-export/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuiltCli } from "./support/run-built-cli.js";

const API_KEY_ENV = {
  MONGODB_ATLAS_PUBLIC_API_KEY: DEMO_API_KEY.publicKey,
  MONGODB_ATLAS_PRIVATE_API_KEY: DEMO_API_KEY.privateKey,
};
const { groupId, clusterName, exportId } = DOCUMENTED_EXPORT_JOB_DEFINITION;
// createTestCertificates runs openssl; without it these tests skip and say so (a skip is not a pass).
const hasOpenssl = spawnSync("openssl", ["version"], { stdio: "ignore" }).error === undefined;
if (!hasOpenssl)
  console.warn("SKIPPED: the --ca-file tests — openssl is not on the PATH (apt-get install openssl)");

let certificates: TestCertificates;
let dir: string;
let mock: MockAtlas;
let args: string[];

beforeAll(async () => {
  if (!hasOpenssl) return;
  certificates = createTestCertificates();
  dir = certificates.dir;
  mock = await startMockAtlas({ tls: certificates });
  args = [
    "get",
    "--project-id",
    groupId,
    "--cluster-name",
    clusterName,
    "--export-id",
    exportId,
    "--base-url",
    mock.url,
    "--output",
    "json",
  ];
}, 60_000);
afterAll(async () => {
  await mock?.close();
  certificates?.remove();
});

describe.skipIf(!hasOpenssl)("atlas-export --ca-file", () => {
  it("trusts the CA in the file", async () => {
    const run = await runBuiltCli([...args, "--ca-file", join(dir, "ca.pem")], API_KEY_ENV);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({ id: exportId });
    expect(run.code).toBe(0);
  });

  it("without it, says the certificate is untrusted and names --ca-file (exit 5)", async () => {
    const run = await runBuiltCli(args, API_KEY_ENV);
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/the TLS certificate of 127\.0\.0\.1:\d+ is not trusted .* --ca-file/);
  });

  it("without it, names the --ca-file flag rather than the client's `ca` option", async () => {
    const run = await runBuiltCli(args, API_KEY_ENV);
    expect(run.stderr).toMatch(/PEM certificate with --ca-file FILE or NODE_EXTRA_CA_CERTS=/);
    expect(run.stderr).not.toMatch(/option/);
  });

  it.each([
    ["a missing file", "missing.pem", /--ca-file: could not read ".*missing\.pem" \(ENOENT\)/],
    ["a file without a certificate", "server.key", /--ca-file: ".*server\.key" holds no PEM certificate/],
  ])("refuses %s as a usage error (exit 2)", async (_, file, message) => {
    const run = await runBuiltCli([...args, "--ca-file", join(dir, file)], API_KEY_ENV);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain("PRIVATE KEY");
  });
});
