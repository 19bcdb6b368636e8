import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MockAtlas } from "@atlas-export/mock-server";
import { DEMO_API_KEY, DOCUMENTED_EXPORT_JOB_DEFINITION, startMockAtlas } from "@atlas-export/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuiltCli } from "./support/run-built-cli.js";

const API_KEY_ENV = {
  MONGODB_ATLAS_PUBLIC_API_KEY: DEMO_API_KEY.publicKey,
  MONGODB_ATLAS_PRIVATE_API_KEY: DEMO_API_KEY.privateKey,
};
const { groupId, clusterName, exportId } = DOCUMENTED_EXPORT_JOB_DEFINITION;

let dir: string;
let mock: MockAtlas;
let args: string[];

/** A throwaway CA and a certificate it signed for 127.0.0.1, made with openssl in `dir`. */
function makeCertificates(): { key: string; cert: string } {
  const openssl = (...opensslArgs: string[]) =>
    execFileSync("openssl", opensslArgs, { cwd: dir, stdio: "pipe" });
  openssl(
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    "-days",
    "2",
    "-subj",
    "/CN=atlas-export cli test CA",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
  );
  writeFileSync(join(dir, "server.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
  openssl(
    "req",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-keyout",
    "server.key",
    "-subj",
    "/CN=127.0.0.1",
    "-out",
    "server.csr",
  );
  openssl(
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    "server.ext",
    "-out",
    "server.pem",
  );
  return {
    key: readFileSync(join(dir, "server.key"), "utf8"),
    cert: readFileSync(join(dir, "server.pem"), "utf8"),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "atlas-export-cli-ca-"));
  mock = await startMockAtlas({ tls: makeCertificates() });
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
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("atlas-export --ca-file", () => {
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
