import {
  AtlasAbortError,
  AtlasApiError,
  AtlasConnectionError,
  AtlasTimeoutError,
  AtlasValidationError,
} from "@atlas-export/client";
import { describe, expect, it } from "vitest";
import { UncertainCreateError } from "../src/uncertain-create-error.js";

const rethrown = (error: unknown): unknown => {
  try {
    UncertainCreateError.rethrow(error, "export job", "atlas-export jobs list --cluster-name Cluster0");
  } catch (thrown) {
    return thrown;
  }
};

describe("UncertainCreateError.rethrow", () => {
  it.each([
    ["no answer in time", new AtlasTimeoutError("no answer within 30000 ms", 30_000)],
    ["an interrupt while it was in flight", new AtlasAbortError("the call was aborted by its signal")],
    ["a connection reset after sending", new AtlasConnectionError("reset", { code: "ECONNRESET" })],
    ["a socket closed by the other side", new AtlasConnectionError("closed", { code: "UND_ERR_SOCKET" })],
    ["a 500", new AtlasApiError({ status: 500, errorCode: "UNEXPECTED_ERROR" })],
    ["a proxy's 502", new AtlasApiError({ status: 502 })],
    ["a 503 without Retry-After", new AtlasApiError({ status: 503 })],
    ["a body cut off", new AtlasApiError({ status: 200, errorCode: "TRUNCATED_RESPONSE" })],
  ])("marks a create that may have been carried out: %s", (_name, error) => {
    const thrown = rethrown(error);
    expect(thrown).toBeInstanceOf(UncertainCreateError);
    expect((thrown as UncertainCreateError).cause).toBe(error);
  });

  it.each([
    ["a refused connection", new AtlasConnectionError("refused", { code: "ECONNREFUSED" })],
    ["an unknown host", new AtlasConnectionError("dns", { code: "ENOTFOUND" })],
    ["an untrusted certificate", new AtlasConnectionError("tls", { code: "SELF_SIGNED_CERT_IN_CHAIN" })],
    ["a 400", new AtlasApiError({ status: 400, errorCode: "INVALID_ATTRIBUTE" })],
    ["a 409", new AtlasApiError({ status: 409, errorCode: "EXPORT_ALREADY_IN_PROGRESS" })],
    ["a 429", new AtlasApiError({ status: 429, errorCode: "RATE_LIMITED" })],
    ["a 503 with Retry-After", new AtlasApiError({ status: 503, headers: { "retry-after": "5" } })],
    ["a value refused before sending", new AtlasValidationError("bad id", "snapshotId", "pattern")],
  ])("passes through a failure that proves nothing was created: %s", (_name, error) => {
    expect(rethrown(error)).toBe(error);
  });
});
