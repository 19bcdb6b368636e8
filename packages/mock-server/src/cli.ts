#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEMO_API_KEY, DEMO_SERVICE_ACCOUNT } from "./demo-credentials.js";
import { dailySnapshots, defaultSnapshots } from "./default-snapshots.js";
import { DOCUMENTED_EXPORT_JOB_DEFINITION } from "./documented-export-job.js";
import type { MockSnapshotDefinition } from "./mock-snapshot-definition.js";
import type { ApiKeyCredential, MockAtlasTls, ServiceAccountCredential } from "./mock-atlas-options.js";
import type { MockJobDefinition } from "./mock-job-definition.js";
import { startMockAtlas } from "./start-mock-atlas.js";

const HELP = `Usage: atlas-export-mock [options]

Runs a local MongoDB Atlas emulator until SIGINT or SIGTERM: export buckets
(list, create, get, delete), snapshots (list, get) and export jobs (list, create, get)
under /api/atlas/v2/groups/{groupId}, plus POST /api/oauth/token and /api/oauth/revoke.

Options:
  --host <address>                 interface to bind (default 127.0.0.1)
  --port <number>                  port to bind (default 0: a free port)
  --api-key <PUBLIC:PRIVATE>       accept this API key with HTTP Digest (repeatable)
  --service-account <ID:SECRET>    accept this service account at /api/oauth/token (repeatable)
  --job <GROUP_ID/CLUSTER/EXPORT_ID>
                                   also serve a job that starts now: Queued 2 s, InProgress 8 s
                                   (12 collections), then Successful (repeatable)
  --jobs-file <file.json>          also serve the jobs in this JSON array of job definitions
                                   ({ groupId, clusterName, exportId, totalCollections, queuedMs,
                                   durationMs, outcome, stateReason, shards, ... })
  --cluster <GROUP_ID/CLUSTER>     also serve this cluster, with three daily snapshots taken 1,
                                   25 and 49 hours before start (repeatable)
  --tls-cert <cert.pem>            serve HTTPS with this PEM certificate (needs --tls-key)
  --tls-key <key.pem>              the PEM private key of --tls-cert (needs --tls-cert)
  -h, --help                       show this help

With no --api-key and no --service-account it accepts the documented demo credentials
and prints them. It always serves the documentation page's example job, the spec's example
AWS bucket and three snapshots of Cluster0 in project 32b6e34b3d91647abb20e7b8. Calls on a
cluster that no --cluster, --job, --jobs-file entry or default names answer 404
CLUSTER_NOT_FOUND, as Atlas does.

Exit codes: 0 stopped by a signal, 1 could not start, 2 usage error.
`;

function usageError(message: string): never {
  process.stderr.write(`atlas-export-mock: ${message}\nRun atlas-export-mock --help for usage.\n`);
  process.exit(2);
}

/** Splits "LEFT:RIGHT" at the first colon; the right side may contain colons. */
function splitPair(value: string, option: string, shape: string): [string, string] {
  const colon = value.indexOf(":");
  if (colon <= 0 || colon === value.length - 1) {
    usageError(`--${option} needs ${shape} (two non-empty parts separated by ':')`);
  }
  return [value.slice(0, colon), value.slice(colon + 1)];
}

function readJobsFile(path: string): MockJobDefinition[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    usageError(`--jobs-file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(parsed)) usageError(`--jobs-file ${path} must hold a JSON array of job definitions`);
  return parsed as MockJobDefinition[];
}

/** Reads a PEM file named by a flag; a missing or unreadable file is a usage error naming both. */
function readPemFile(path: string, option: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "EISDIR"
            ? "is a directory, not a file"
            : error instanceof Error
              ? error.message
              : String(error);
    return usageError(`--${option} ${path}: cannot read it (${why})`);
  }
}

function readTls(cert: string | undefined, key: string | undefined): MockAtlasTls | false {
  if (cert === undefined && key === undefined) return false;
  if (cert === undefined) usageError("--tls-key needs --tls-cert (the certificate it belongs to)");
  if (key === undefined) usageError("--tls-cert needs --tls-key (the certificate's private key)");
  return { cert: readPemFile(cert, "tls-cert"), key: readPemFile(key, "tls-key") };
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: "string" },
        port: { type: "string" },
        "api-key": { type: "string", multiple: true },
        "service-account": { type: "string", multiple: true },
        job: { type: "string", multiple: true },
        "jobs-file": { type: "string" },
        cluster: { type: "string", multiple: true },
        "tls-cert": { type: "string" },
        "tls-key": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) {
    process.stdout.write(HELP);
    return;
  }

  const port = values.port === undefined ? 0 : /^\d+$/.test(values.port) ? Number(values.port) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    usageError(`--port must be an integer 0-65535, got ${JSON.stringify(values.port)}`);
  }
  const apiKeys: ApiKeyCredential[] = (values["api-key"] ?? []).map((value) => {
    const [publicKey, privateKey] = splitPair(value, "api-key", "PUBLIC:PRIVATE");
    return { publicKey, privateKey };
  });
  const serviceAccounts: ServiceAccountCredential[] = (values["service-account"] ?? []).map((value) => {
    const [clientId, clientSecret] = splitPair(value, "service-account", "ID:SECRET");
    return { clientId, clientSecret };
  });
  const useDemo = apiKeys.length === 0 && serviceAccounts.length === 0;
  const jobs: MockJobDefinition[] = [
    DOCUMENTED_EXPORT_JOB_DEFINITION,
    ...(values.job ?? []).map((value) => {
      const parts = value.split("/");
      if (parts.length !== 3 || parts.some((part) => part === "")) {
        usageError(
          `--job needs GROUP_ID/CLUSTER/EXPORT_ID (three parts separated by '/'), got ${JSON.stringify(value)}`,
        );
      }
      const [groupId = "", clusterName = "", exportId = ""] = parts;
      return { groupId, clusterName, exportId };
    }),
    ...(values["jobs-file"] === undefined ? [] : readJobsFile(values["jobs-file"])),
  ];

  const tls = readTls(values["tls-cert"], values["tls-key"]);
  const now = Date.now();
  const snapshots: MockSnapshotDefinition[] = [
    ...defaultSnapshots(now),
    ...(values.cluster ?? []).flatMap((value) => {
      const parts = value.split("/");
      if (parts.length !== 2 || parts.some((part) => part === "")) {
        usageError(
          `--cluster needs GROUP_ID/CLUSTER (two parts separated by '/'), got ${JSON.stringify(value)}`,
        );
      }
      const [groupId = "", clusterName = ""] = parts;
      return dailySnapshots(groupId, clusterName, now);
    }),
  ];

  let mock;
  try {
    mock = await startMockAtlas({
      host: values.host ?? "127.0.0.1",
      port,
      ...(useDemo ? {} : { apiKeys, serviceAccounts }),
      jobs,
      snapshots,
      tls,
    });
  } catch (error) {
    // Our own option checks (a bad job id, say) are usage errors; anything else (a taken port) is not.
    if (error instanceof Error && error.message.startsWith("@atlas-export/mock-server: ")) {
      usageError(error.message.replace("@atlas-export/mock-server: ", ""));
    }
    process.stderr.write(
      `atlas-export-mock: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }

  // Listen for signals before announcing the URL, so whoever reads it can stop us at once.
  const stop = (signal: NodeJS.Signals): void => {
    process.stdout.write(`received ${signal}, stopping\n`);
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  const lines = [`listening on ${mock.url}`];
  if (useDemo) {
    // Demo credentials are public (documented in the README), so printing them in full is safe.
    lines.push(
      `api key (digest):    ${DEMO_API_KEY.publicKey}:${DEMO_API_KEY.privateKey}`,
      `service account:     ${DEMO_SERVICE_ACCOUNT.clientId}:${DEMO_SERVICE_ACCOUNT.clientSecret}`,
    );
  } else {
    // Credentials given on the command line are the user's: name them, never echo the secret.
    for (const key of apiKeys) lines.push(`api key (digest):    ${key.publicKey} (private key as given)`);
    for (const account of serviceAccounts)
      lines.push(`service account:     ${account.clientId} (secret as given)`);
  }
  for (const bucket of mock.buckets.list()) {
    lines.push(
      `bucket:              ${bucket.links?.[0]?.href ?? ""} (${bucket.cloudProvider} ${bucket.bucketName})`,
    );
  }
  for (const snapshot of mock.snapshots.list()) {
    lines.push(`snapshot:            ${snapshot.links?.[0]?.href ?? ""} (${snapshot.createdAt ?? ""})`);
  }
  for (const { ref, job } of mock.jobs.list()) {
    lines.push(
      `job:                 ${mock.url}/api/atlas/v2/groups/${ref.groupId}/clusters/${ref.clusterName}/backup/exports/${ref.exportId} (${String(job.state)})`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

void main();
