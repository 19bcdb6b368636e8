#!/usr/bin/env node
// The runtime matrix (issue 17): packs the published packages, installs the tarballs into a fresh
// consumer project for each runtime — Node 20 (this machine's), Node 22 and 24, Bun and Deno, pinned in
// runtimes.mjs and installed from npm into .cache/runtime-matrix/ — and runs there, against an emulator
// on 127.0.0.1: the smoke program (digest and service-account auth, a 404 as AtlasApiError, a retry after
// a 503, waitForBackupExportJob), the CLI's `atlas-export get` and `watch`, HTTP_PROXY and NO_PROXY with a
// counting proxy, and an HTTPS emulator with a throwaway CA (the `ca` option, NODE_EXTRA_CA_CERTS). Exit
// code 1 when any runtime fails or cannot be installed.
//
//   node scripts/runtime-matrix/cli.mjs [--only node22,bun] [--keep]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ensurePnpm, root } from "../bootstrap.mjs";
import { checkRuntime } from "./check-runtime.mjs";
import { createConsumer } from "./create-consumer.mjs";
import { formatMatrixReport } from "./format-matrix-report.mjs";
import { installRuntime } from "./install-runtime.mjs";
import { packPackages } from "./pack-packages.mjs";
import { MATRIX_USAGE, MatrixUsageError, parseMatrixArgs } from "./parse-matrix-args.mjs";
import { matrixExitCode, runMatrix } from "./run-matrix.mjs";

const startedAt = Date.now();
const log = (message) =>
  console.log(`runtime-matrix [${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)}s] ${message}`);

let options;
try {
  options = parseMatrixArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof MatrixUsageError)) throw error;
  console.error(`runtime-matrix: ${error.message}\n\n${MATRIX_USAGE}`);
  process.exit(2);
}

const cacheDir = join(root, ".cache", "runtime-matrix");
const tempRoot = mkdtempSync(join(tmpdir(), "atlas-export-runtime-matrix-"));
let certificates;
try {
  log("building and packing the published packages");
  const packed = await packPackages({ root, pnpm: ensurePnpm(), destination: join(tempRoot, "tarballs") });
  log(`packed ${packed.map(({ name, version }) => `${name}@${version}`).join(", ")}`);
  // The emulator's throwaway CA and server certificate, from the workspace build packPackages just made.
  const mockServer = await import(pathToFileURL(join(root, "packages/mock-server/dist/index.js")).href);
  certificates = mockServer.createTestCertificates();
  const testCa = {
    caCert: certificates.ca,
    caFile: certificates.caFile,
    key: certificates.key,
    cert: certificates.cert,
  };
  const results = await runMatrix(options.runtimes, {
    install: (runtime) => installRuntime(runtime, { cacheDir }),
    createConsumer: (runtime) => createConsumer(join(tempRoot, `consumer-${runtime.id}`), packed),
    check: (target) => checkRuntime(target, { testCa }),
    log,
  });
  console.log(`\n${formatMatrixReport(results, (Date.now() - startedAt) / 1000)}`);
  process.exitCode = matrixExitCode(results);
} catch (error) {
  console.error(`runtime-matrix failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  certificates?.remove();
  if (options.keep) console.log(`runtime-matrix: kept ${tempRoot}`);
  else rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
}
