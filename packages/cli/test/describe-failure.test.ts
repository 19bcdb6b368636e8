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
import { UsageError } from "../src/usage-error.js";

const context = { baseUrl: "https://cloud.mongodb.com" };
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
    ["a 429 answer", new AtlasApiError({ status: 429, errorCode: "RATE_LIMITED" }), 5, /429/],
    ["a 500 answer", new AtlasApiError({ status: 500, errorCode: "UNEXPECTED_ERROR" }), 5, /500/],
    ["an unreachable host", new AtlasConnectionError("could not reach x: ECONNREFUSED"), 5, /ECONNREFUSED/],
    ["a timeout", new AtlasTimeoutError("no answer within 30000 ms", 30_000), 5, /timed out/],
    ["an abort", new AtlasAbortError("aborted"), 130, /interrupted/],
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

  it("says what to check for a 404", () => {
    expect(describeFailure(new AtlasApiError({ status: 404 }), context).hint).toMatch(
      /--project-id, --cluster-name and --export-id/,
    );
  });

  it("keeps the stack trace only for bugs", () => {
    const failure = describeFailure(new TypeError("x is undefined"), context);
    expect(failure.exitCode).toBe(5);
    expect(failure.message).toBe("unexpected error: x is undefined");
    expect(failure.stack).toMatch(/TypeError/);
  });
});
