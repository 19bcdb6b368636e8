import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A throwaway certificate authority and server certificates it signed, made with openssl for one test file. */
export interface TestCa {
  /** The CA's certificate (PEM), what a client is told to trust. */
  caCert: string;
  /** Path of `caCert` on disk, for NODE_EXTRA_CA_CERTS and --ca-file. */
  caFile: string;
  /** A server key and certificate valid for 127.0.0.1 and localhost. */
  server: { key: string; cert: string };
  /** A server key and certificate signed by the same CA but valid only for wrong-host.example. */
  wrongHost: { key: string; cert: string };
  remove(): void;
}

function openssl(dir: string, args: string[]): void {
  execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
}

function serverCertificate(dir: string, name: string, subjectAltName: string): { key: string; cert: string } {
  writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${subjectAltName}\nextendedKeyUsage=serverAuth\n`);
  openssl(dir, [
    "req",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-keyout",
    `${name}.key`,
    "-subj",
    `/CN=${name}`,
    "-out",
    `${name}.csr`,
  ]);
  openssl(dir, [
    "x509",
    "-req",
    "-in",
    `${name}.csr`,
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-sha256",
    "-extfile",
    `${name}.ext`,
    "-out",
    `${name}.pem`,
  ]);
  return {
    key: readFileSync(join(dir, `${name}.key`), "utf8"),
    cert: readFileSync(join(dir, `${name}.pem`), "utf8"),
  };
}

/** Makes the CA and certificates in a temporary folder (removed by `remove()`). */
export function createTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), "atlas-export-test-ca-"));
  openssl(dir, [
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
    "/CN=atlas-export throwaway test CA",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  ]);
  return {
    caCert: readFileSync(join(dir, "ca.pem"), "utf8"),
    caFile: join(dir, "ca.pem"),
    server: serverCertificate(dir, "server", "IP:127.0.0.1,DNS:localhost"),
    wrongHost: serverCertificate(dir, "wrong-host", "DNS:wrong-host.example"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
