import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A server key and certificate (PEM text and files). */
export interface TestServerCertificate {
  key: string;
  cert: string;
  keyFile: string;
  certFile: string;
}

/** A throwaway CA and a server certificate it signed for 127.0.0.1 and localhost, as PEM text and files. */
export interface TestCertificates extends TestServerCertificate {
  /** The folder holding every file; `remove()` deletes it. */
  dir: string;
  /** The CA's certificate: what a client is told to trust (`ca` option, NODE_EXTRA_CA_CERTS, --ca-file). */
  ca: string;
  caFile: string;
  /** Another server certificate signed by the same CA, e.g. `"DNS:wrong-host.example"` for a wrong-host test. */
  issue(name: string, subjectAltName: string): TestServerCertificate;
  remove(): void;
}

const EC_KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

/**
 * Makes a fresh CA and a server certificate for `startMockAtlas({ tls })` with the machine's `openssl`,
 * valid for two days, so no private key is ever committed and a test trusts only its own CA.
 */
export function createTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), "atlas-export-test-ca-"));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  const openssl = (...args: string[]): void => {
    try {
      execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        throw new Error(OPENSSL_NOT_FOUND, { cause: error });
      throw error;
    }
  };
  try {
    return create(dir, openssl, remove);
  } catch (error) {
    // Nothing half-made is left in the temporary folder.
    remove();
    throw error;
  }
}

const OPENSSL_NOT_FOUND =
  "@atlas-export/mock-server: createTestCertificates() runs the openssl command, and none was found on the PATH. " +
  "Install OpenSSL (Debian/Ubuntu: apt-get install openssl; Alpine: apk add openssl; macOS: brew install openssl), " +
  "or give startMockAtlas({ tls: { key, cert } }) a key and certificate made elsewhere.";

function create(dir: string, openssl: (...args: string[]) => void, remove: () => void): TestCertificates {
  openssl(
    "req",
    "-x509",
    ...EC_KEY,
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
  );
  const issue = (name: string, subjectAltName: string): TestServerCertificate => {
    if (!/^[\w-]+$/.test(name))
      throw new Error(`createTestCertificates: a file name, not ${JSON.stringify(name)}`);
    writeFileSync(
      join(dir, `${name}.ext`),
      [
        `subjectAltName=${subjectAltName}`,
        "basicConstraints=critical,CA:FALSE",
        "keyUsage=critical,digitalSignature,keyEncipherment",
        "extendedKeyUsage=serverAuth",
      ].join("\n"),
    );
    openssl("req", ...EC_KEY, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name}`);
    openssl(
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
      "-out",
      `${name}.pem`,
      "-extfile",
      `${name}.ext`,
    );
    const keyFile = join(dir, `${name}.key`);
    const certFile = join(dir, `${name}.pem`);
    return { key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8"), keyFile, certFile };
  };
  return {
    dir,
    ca: readFileSync(join(dir, "ca.pem"), "utf8"),
    caFile: join(dir, "ca.pem"),
    ...issue("server", "IP:127.0.0.1,DNS:localhost"),
    issue,
    remove,
  };
}
