import { spawnSync } from "node:child_process";
import { createTestCertificates } from "@atlas-export/mock-server";

/**
 * Whether createTestCa() can run: it needs the openssl command. The tests that need it skip without it and
 * say so here, like the Apache test, so a skip is never mistaken for a pass.
 */
export const opensslAvailable = spawnSync("openssl", ["version"], { stdio: "ignore" }).error === undefined;
if (!opensslAvailable) {
  console.warn(
    "SKIPPED: the tests that need a test CA — openssl is not on the PATH (apt-get install openssl)",
  );
}

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

/** The emulator's test certificates in the shape these tests use (removed by `remove()`). */
export function createTestCa(): TestCa {
  const certificates = createTestCertificates();
  const wrongHost = certificates.issue("wrong-host", "DNS:wrong-host.example");
  return {
    caCert: certificates.ca,
    caFile: certificates.caFile,
    server: { key: certificates.key, cert: certificates.cert },
    wrongHost: { key: wrongHost.key, cert: wrongHost.cert },
    remove: certificates.remove,
  };
}
