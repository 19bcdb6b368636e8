import { BACKUP_EXPORT_JOB_STATES } from "@atlas-export/types";
import { ATLAS_ENV } from "./atlas-env.js";
import type { CliOption } from "./cli-option.js";
import { parseBaseUrl } from "./parse-base-url.js";
import { parseCaFile } from "./parse-ca-file.js";
import { parseChoice } from "./parse-choice.js";
import { parseKeyValue } from "./parse-key-value.js";
import { parsePathParameter } from "./parse-path-parameter.js";
import { parseSeconds } from "./parse-seconds.js";

const HEX_ID = "a 24-character lowercase hexadecimal id like 32b6e34b3d91647abb20e7b8";

/** The options commands share, each defined once. */
export const OPTIONS = {
  projectId: {
    flag: "project-id",
    alias: "group-id",
    placeholder: "ID",
    help: "24-hex project id, alias --group-id",
    required: true,
    env: ATLAS_ENV.projectId,
    parse: parsePathParameter("groupId", HEX_ID, "Copy the project id from the Atlas UI (Project Settings)."),
  },
  clusterName: {
    flag: "cluster-name",
    placeholder: "NAME",
    help: "the cluster's name",
    required: true,
    parse: parsePathParameter(
      "clusterName",
      "1-64 letters, digits or hyphens, starting with a letter or digit",
      "Use the cluster name exactly as the Atlas UI shows it (for example Cluster0).",
    ),
  },
  exportId: {
    flag: "export-id",
    placeholder: "ID",
    help: "24-hex export job id",
    required: true,
    parse: parsePathParameter(
      "exportId",
      HEX_ID,
      "Copy the export job id from `atlas-export jobs list` or the Atlas Admin API.",
    ),
  },
  bucketId: {
    flag: "bucket-id",
    placeholder: "ID",
    help: "24-hex export bucket id (its _id)",
    required: true,
    parse: parsePathParameter(
      "exportBucketId",
      HEX_ID,
      "Copy the export bucket id (_id) from `atlas-export buckets list`.",
    ),
  },
  snapshotId: {
    flag: "snapshot-id",
    placeholder: "ID",
    help: "24-hex snapshot id",
    parse: parsePathParameter(
      "snapshotId",
      HEX_ID,
      "Copy the snapshot id from `atlas-export snapshots list` (`jobs create` also takes --latest-snapshot).",
    ),
  },
  latestSnapshot: {
    flag: "latest-snapshot",
    help: "export the cluster's newest completed snapshot (instead of --snapshot-id)",
  },
  customData: {
    flag: "custom-data",
    placeholder: "KEY=VALUE",
    help: "a label stored with the export job",
    multiple: true,
    parse: parseKeyValue,
  },
  state: {
    flag: "state",
    placeholder: "STATE",
    help: `only jobs in this state: ${BACKUP_EXPORT_JOB_STATES.join(", ")}`,
    multiple: true,
    parse: parseChoice(BACKUP_EXPORT_JOB_STATES),
  },
  watch: {
    flag: "watch",
    help: "then wait until the export finishes, showing its progress (as jobs watch)",
  },
  cloudProvider: {
    flag: "cloud-provider",
    placeholder: "AWS|AZURE|GCP",
    help: "where the bucket is",
    required: true,
    parse: parseChoice(["AWS", "AZURE", "GCP"]),
  },
  bucketName: {
    flag: "bucket-name",
    placeholder: "NAME",
    help: "S3 or Cloud Storage bucket name (AWS, GCP); Azure container name (optional)",
  },
  iamRoleId: {
    flag: "iam-role-id",
    placeholder: "ID",
    help: "AWS: the unified AWS access role id Atlas assumes",
  },
  roleId: {
    flag: "role-id",
    placeholder: "ID",
    help: "AZURE, GCP: the cloud provider access role id Atlas uses",
  },
  serviceUrl: {
    flag: "service-url",
    placeholder: "URL",
    help: "AZURE: the container URL, https://ACCOUNT.blob.core.windows.net/CONTAINER",
  },
  requirePrivateNetworking: {
    flag: "require-private-networking",
    help: "AWS: export over private networking only",
  },
  force: {
    flag: "force",
    help: "do not ask for confirmation",
  },
  envelope: {
    flag: "envelope",
    help: "ask Atlas for envelope=true; JSON output is its {status, content}",
  },
  pollInterval: {
    flag: "poll-interval",
    placeholder: "SECONDS",
    help: "first pause between polls (default 2, at most 3600; grows by half each poll)",
    parse: parseSeconds(3_600),
  },
  maxPollInterval: {
    flag: "max-poll-interval",
    placeholder: "SECONDS",
    help: "longest pause between polls (default 30, at most 3600)",
    parse: parseSeconds(3_600),
  },
  timeout: {
    flag: "timeout",
    placeholder: "SECONDS",
    help: "give up after this long, exit 5 (default: no limit; at most 604800 = 7 days)",
    // A week outlasts any real export; polling is bounded at an hour so the end of one is not missed.
    parse: parseSeconds(604_800),
  },
  baseUrl: {
    flag: "base-url",
    placeholder: "URL",
    help: "Atlas base URL, https://cloud.mongodb.com when not set",
    env: ATLAS_ENV.baseUrl,
    parse: parseBaseUrl,
  },
  caFile: {
    flag: "ca-file",
    placeholder: "FILE",
    help: "PEM file of CA certificates to trust besides the default ones (a TLS-inspecting proxy's)",
    parse: parseCaFile,
  },
  output: {
    flag: "output",
    short: "o",
    placeholder: "json|table",
    help: "default: table on a terminal, json when piped",
    parse: parseChoice(["json", "table"]),
  },
  clientId: { flag: "client-id", placeholder: "ID", help: "service account client id" },
  clientSecret: { flag: "client-secret", placeholder: "SECRET", help: "service account secret" },
  publicKey: { flag: "public-key", placeholder: "KEY", help: "programmatic API key, public part" },
  privateKey: { flag: "private-key", placeholder: "KEY", help: "programmatic API key, private part" },
  verbose: {
    flag: "verbose",
    help: "print each request to Atlas on stderr: method, URL, status and time (never headers or bodies)",
  },
  help: { flag: "help", short: "h", help: "show this help" },
} as const satisfies Record<string, CliOption>;

/** What every command that talks to Atlas accepts after its own options. */
export const ATLAS_OPTIONS: readonly CliOption[] = [
  OPTIONS.baseUrl,
  OPTIONS.caFile,
  OPTIONS.output,
  OPTIONS.clientId,
  OPTIONS.clientSecret,
  OPTIONS.publicKey,
  OPTIONS.privateKey,
  OPTIONS.verbose,
  OPTIONS.help,
];
