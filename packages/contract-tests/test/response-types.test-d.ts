// Hand-written counterparts of the generated fixtures: each `// @ts-expect-error` line must stay an error,
// so if a regeneration loosened a type (an enum widened to string, a required field made optional, an
// open index signature) vitest's typecheck reports an unused directive and the suite fails.
import type { operations } from "@atlas-export/types";
import { describe, expectTypeOf, it } from "vitest";

type Responses = operations["getBackupExportJob"]["responses"];
type Job = Responses[200]["content"]["application/vnd.atlas.2023-01-01+json"];
type NotFound = Responses[404]["content"]["application/json"];

describe("the generated response types", () => {
  it("document exactly the statuses of the spec", () => {
    expectTypeOf<keyof Responses>().toEqualTypeOf<200 | 401 | 403 | 404 | 429 | 500>();
  });

  it("serve the job under the versioned media type only", () => {
    expectTypeOf<keyof Responses[200]["content"]>().toEqualTypeOf<"application/vnd.atlas.2023-01-01+json">();
    expectTypeOf<keyof Responses[429]["content"]>().toEqualTypeOf<"application/json">();
  });

  it("accept a minimal job and a full one", () => {
    const minimal: Job = { exportBucketId: "32b6e34b3d91647abb20e7b8" };
    const failed: Job = {
      exportBucketId: "32b6e34b3d91647abb20e7b8",
      state: "Failed",
      stateReason: { errorCode: "EXPORT_FAILED", message: "bucket unreachable" },
      exportStatus: { exportedCollections: 1, totalCollections: 2 },
    };
    void minimal;
    void failed;
  });

  it("reject what the spec does not allow on a job", () => {
    // @ts-expect-error a misspelt state is not one of the five enum values
    const misspelt: Job = { exportBucketId: "32b6e34b3d91647abb20e7b8", state: "Succesful" };
    // @ts-expect-error exportBucketId is required
    const missing: Job = { id: "32b6e34b3d91647abb20e7b8" };
    // @ts-expect-error an unknown field fails the excess-property check
    const unknown: Job = { exportBucketId: "32b6e34b3d91647abb20e7b8", percentDone: 50 };
    const wrongType: Job = {
      exportBucketId: "32b6e34b3d91647abb20e7b8",
      // @ts-expect-error counts are numbers, not numeric strings
      exportStatus: { totalCollections: "42" },
    };
    const nested: Job = {
      exportBucketId: "32b6e34b3d91647abb20e7b8",
      // @ts-expect-error components items have exportId and replicaSetName only
      components: [{ exportId: "32b6e34b3d91647abb20e7b8", shard: "a" }],
    };
    // @ts-expect-error deliveryUrl is an array of strings
    const deliveryUrl: Job = { exportBucketId: "32b6e34b3d91647abb20e7b8", deliveryUrl: "https://x" };
    void [misspelt, missing, unknown, wrongType, nested, deliveryUrl];
  });

  it("reject what the spec does not allow on an error", () => {
    const ok: NotFound = { error: 404, errorCode: "RESOURCE_NOT_FOUND", detail: null, parameters: ["AWS"] };
    // @ts-expect-error errorCode is required
    const missing: NotFound = { error: 404 };
    // @ts-expect-error error is the numeric HTTP status
    const wrongType: NotFound = { error: "404", errorCode: "RESOURCE_NOT_FOUND" };
    // @ts-expect-error errorCode is not nullable (detail and reason are)
    const nullCode: NotFound = { error: 404, errorCode: null };
    // @ts-expect-error ApiError has no `message` field (Atlas calls it detail)
    const unknown: NotFound = { error: 404, errorCode: "RESOURCE_NOT_FOUND", message: "x" };
    void [ok, missing, wrongType, nullCode, unknown];
  });
});
