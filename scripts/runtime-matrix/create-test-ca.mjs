import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function openssl(dir, args) {
  execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
}

/**
 * Makes a throwaway CA and a server certificate it signed for 127.0.0.1 and localhost in `dir` (the
 * matrix's temporary folder) with openssl. Resolves to `{ caCert, caFile, key, cert }` (PEM text).
 */
export function createTestCa(dir) {
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
    "/CN=atlas-export runtime matrix throwaway CA",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  ]);
  writeFileSync(
    join(dir, "server.ext"),
    "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n",
  );
  openssl(dir, [
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
  ]);
  openssl(dir, [
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
    "-sha256",
    "-extfile",
    "server.ext",
    "-out",
    "server.pem",
  ]);
  const read = (name) => readFileSync(join(dir, name), "utf8");
  return {
    caCert: read("ca.pem"),
    caFile: join(dir, "ca.pem"),
    key: read("server.key"),
    cert: read("server.pem"),
  };
}
