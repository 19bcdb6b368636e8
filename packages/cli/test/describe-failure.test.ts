import {
  AtlasAbortError,
  AtlasApiError,
  AtlasAuthError,
  AtlasConnectionError,
  AtlasError,
  AtlasExportFailedError,
  AtlasTimeoutError,
  AtlasValidationError,
} from "@atlas-export/client";
import { describe, expect, it } from "vitest";
import { describeFailure } from "../src/describe-failure.js";
import { UncertainCreateError } from "../src/uncertain-create-error.js";
import { UsageError } from "../src/usage-error.js";

const context = { baseUrl: "https://cloud.mongodb.com" };
// A window title, a screen clear, an OSC 8 link and a forged line, as a hostile server might send them.
const HOSTILE =
  "\x1b]0;pwned\x07\x1b[2J\x1b]8;;https://evil.example/\x1b\\clickme\x1b]8;;\x1b\\\r\natlas-export: all good\x9b2J";
const FAILED_JOB = {
  id: "32b6e34b3d91647abb20e7b8",
  exportBucketId: "32b6e34b3d91647abb20e7b8",
  state: "Failed" as const,
  stateReason: { errorCode: "EXPORT_FAILED", message: "Bucket gone." },
};

describe("describeFailure", () => {
  it.each([
    ["a usage error", new UsageError("missing --export-id"), 2, /missing --export-id/],
    [
      "a failed export",
      new AtlasExportFailedError(FAILED_JOB),
      1,
      /ended Failed: EXPORT_FAILED: Bucket gone\./,
    ],
    [
      "a cancelled export without a reason",
      new AtlasExportFailedError({ ...FAILED_JOB, state: "Cancelled", stateReason: undefined } as never),
      1,
      /ended Cancelled \(Atlas gave no reason\)/,
    ],
    [
      "a bad path parameter",
      new AtlasValidationError("groupId must be 24 hex", "groupId", "pattern"),
      2,
      /groupId/,
    ],
    [
      "a response that breaks the schema",
      new AtlasValidationError("bad state", "/state", "enum"),
      5,
      /does not match the API spec/,
    ],
    [
      "rejected credentials",
      new AtlasAuthError("invalid_client", { status: 401 }),
      3,
      /authentication failed/,
    ],
    ["a 401 answer", new AtlasApiError({ status: 401, errorCode: "UNAUTHORIZED" }), 3, /401/],
    ["a 403 answer", new AtlasApiError({ status: 403, errorCode: "USER_CANNOT_ACCESS_ORG" }), 3, /403/],
    ["a 404 answer", new AtlasApiError({ status: 404, errorCode: "RESOURCE_NOT_FOUND" }), 4, /404/],
    ["a 400 answer", new AtlasApiError({ status: 400, errorCode: "INVALID_PARAMETER" }), 2, /400/],
    [
      "a 400 refusing to delete a bucket still in use",
      new AtlasApiError({ status: 400, errorCode: "EXPORT_BUCKET_DELETE_FAILED_BUCKET_IN_USE" }),
      5,
      /EXPORT_BUCKET_DELETE_FAILED_BUCKET_IN_USE/,
    ],
    ["a 429 answer", new AtlasApiError({ status: 429, errorCode: "RATE_LIMITED" }), 5, /429/],
    ["a 500 answer", new AtlasApiError({ status: 500, errorCode: "UNEXPECTED_ERROR" }), 5, /500/],
    ["an unreachable host", new AtlasConnectionError("could not reach x: ECONNREFUSED"), 5, /ECONNREFUSED/],
    ["a timeout", new AtlasTimeoutError("no answer within 30000 ms", 30_000), 5, /timed out/],
    ["an abort", new AtlasAbortError("aborted"), 130, /^interrupted\.$/],
    [
      "an unreachable host, named once",
      new AtlasConnectionError("could not reach cloud.mongodb.com: ECONNREFUSED"),
      5,
      /^could not reach cloud\.mongodb\.com: ECONNREFUSED$/,
    ],
    [
      "a connection error that names no host",
      new AtlasConnectionError("socket hang up"),
      5,
      /^could not reach https:\/\/cloud\.mongodb\.com: socket hang up$/,
    ],
    ["another client error", new AtlasError("something else"), 5, /something else/],
  ])("maps %s to exit %i", (_name, error, exitCode, message) => {
    const failure = describeFailure(error, context);
    expect(failure.exitCode).toBe(exitCode);
    expect(failure.message).toMatch(message);
    expect(failure.stack).toBeUndefined();
  });

  it("explains the refusal to send credentials over http:// without naming a client option", () => {
    const failure = describeFailure(
      new AtlasValidationError(
        "… or set allowInsecureHttp: true …",
        "allowInsecureHttp",
        "https or loopback",
      ),
      { baseUrl: "http://atlas.example" },
    );
    expect(failure.exitCode).toBe(2);
    expect(failure.message).toBe("refusing to send credentials over plain http:// to http://atlas.example.");
    expect(`${failure.message} ${failure.hint}`).not.toContain("allowInsecureHttp");
  });

  it("tells how long to wait after a 429 with Retry-After", () => {
    const failure = describeFailure(
      new AtlasApiError({ status: 429, errorCode: "RATE_LIMITED", headers: { "retry-after": "30" } }),
      context,
    );
    expect(failure.hint).toBe("Atlas asked to wait 30 s before trying again.");
  });

  it("points at the running export for a 409", () => {
    const failure = describeFailure(
      new AtlasApiError({ status: 409, errorCode: "EXPORT_ALREADY_IN_PROGRESS" }),
      context,
    );
    expect(failure.exitCode).toBe(5);
    expect(failure.hint).toMatch(/atlas-export jobs list/);
  });

  it("says what to check for a 404", () => {
    expect(describeFailure(new AtlasApiError({ status: 404 }), context).hint).toMatch(
      /--project-id and the other ids/,
    );
  });

  it("states a request's timeout in seconds with the number of attempts, naming the host", () => {
    const failure = describeFailure(new AtlasTimeoutError("no answer from Atlas within 30000 ms", 30_000), {
      baseUrl: "https://atlas.example:8443",
    });
    expect(failure.message).toBe(
      "timed out: no answer from atlas.example:8443 within 30 s; gave up after 3 attempts.",
    );
  });

  it("points a request's timeout at the base URL, the network and the proxy, not at --timeout", () => {
    const failure = describeFailure(new AtlasTimeoutError("no answer", 30_000), context);
    expect(failure.exitCode).toBe(5);
    expect(failure.hint).toMatch(/--base-url .*network.*proxy/);
    expect(failure.hint).not.toMatch(/--timeout|again/);
  });

  it("says an unanswered create was sent once and to look before creating again", () => {
    const failure = describeFailure(
      new UncertainCreateError(
        "export job",
        "atlas-export jobs list --cluster-name Cluster0",
        new AtlasTimeoutError("no answer", 30_000),
      ),
      context,
    );
    expect(failure.exitCode).toBe(5);
    expect(failure.message).toMatch(/within 30 s to the request creating the export job; it was sent once/);
    expect(failure.hint).toMatch(
      /^The export job may have been created: look at `atlas-export jobs list --cluster-name Cluster0` before/,
    );
  });

  it("keeps Atlas's answer to a create that may have been carried out and says to look first", () => {
    const failure = describeFailure(
      new UncertainCreateError(
        "export bucket",
        "atlas-export buckets list",
        new AtlasApiError({ status: 500, errorCode: "UNEXPECTED_ERROR" }),
      ),
      context,
    );
    expect(failure.exitCode).toBe(5);
    expect(failure.message).toMatch(
      /500 UNEXPECTED_ERROR.*\(the request creating the export bucket was sent once\)$/,
    );
    expect(failure.hint).toBe(
      "The export bucket may have been created: look at `atlas-export buckets list` before running the command again.",
    );
  });

  it("says a create interrupted mid-request may have been carried out, with the signal's exit code", () => {
    const failure = describeFailure(
      new UncertainCreateError("export job", "atlas-export jobs list", new AtlasAbortError("aborted")),
      { ...context, abortReason: "SIGTERM" },
    );
    expect(failure.exitCode).toBe(143);
    expect(failure.message).toBe("interrupted while creating the export job.");
    expect(failure.hint).toMatch(/^The export job may have been created: look at `atlas-export jobs list`/);
  });

  it("words a 409 in Atlas's terms, not the client methods its message names", () => {
    const failure = describeFailure(
      new AtlasApiError({
        status: 409,
        errorCode: "EXPORT_ALREADY_IN_PROGRESS",
        detail: "An export of snapshot a to bucket b is already running.",
        message:
          "409 EXPORT_ALREADY_IN_PROGRESS: … wait for that job (listBackupExportJobs, waitForBackupExportJob)",
      }),
      context,
    );
    expect(failure.message).toBe(
      "Atlas answered 409 EXPORT_ALREADY_IN_PROGRESS: An export of snapshot a to bucket b is already running.",
    );
  });

  it("says what a 409 means when Atlas gave no detail", () => {
    expect(describeFailure(new AtlasApiError({ status: 409 }), context).message).toBe(
      "Atlas answered 409 CONFLICT: an export of this snapshot to this bucket is already queued or running.",
    );
  });

  it("cuts a long 409 detail short", () => {
    const failure = describeFailure(
      new AtlasApiError({ status: 409, errorCode: "X", detail: "y".repeat(100_000) }),
      context,
    );
    expect(failure.message.length).toBeLessThan(350);
    expect(failure.message).toMatch(/y…$/);
  });

  it("names --cluster-name for a 404 CLUSTER_NOT_FOUND", () => {
    const failure = describeFailure(
      new AtlasApiError({ status: 404, errorCode: "CLUSTER_NOT_FOUND" }),
      context,
    );
    expect(failure.exitCode).toBe(4);
    expect(failure.hint).toMatch(/^Check --cluster-name: a cluster name is case-sensitive/);
  });

  it("exits 143 when SIGTERM stopped the command and 130 for Ctrl-C", () => {
    const abort = new AtlasAbortError("aborted");
    expect(describeFailure(abort, { ...context, abortReason: "SIGTERM" }).exitCode).toBe(143);
    expect(describeFailure(abort, { ...context, abortReason: "SIGINT" }).exitCode).toBe(130);
  });

  it.each([
    ["an API error detail", new AtlasApiError({ status: 404, errorCode: "NOT_FOUND", detail: HOSTILE })],
    ["a connection error", new AtlasConnectionError(`could not reach x: ${HOSTILE}`)],
    ["an auth error", new AtlasAuthError(HOSTILE, { status: 401 })],
    [
      "a failed export's reason",
      new AtlasExportFailedError({ ...FAILED_JOB, stateReason: { message: HOSTILE } }),
    ],
    ["a bug", new TypeError(HOSTILE)],
  ])("strips terminal control sequences from %s", (_name, error) => {
    const failure = describeFailure(error, context);
    const printed = `${failure.message}\n${failure.hint ?? ""}\n${failure.stack ?? ""}`;
    expect(printed).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(failure.message).toContain("clickme");
  });

  it("keeps the stack trace only for bugs", () => {
    const failure = describeFailure(new TypeError("x is undefined"), context);
    expect(failure.exitCode).toBe(5);
    expect(failure.message).toBe("unexpected error: x is undefined");
    expect(failure.stack).toMatch(/TypeError/);
  });
});
