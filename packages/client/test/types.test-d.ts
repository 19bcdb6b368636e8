import type { BackupExportJob, BackupExportJobState, paths } from "@atlas-export/types";
import type { Client, Middleware } from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import type * as Exports from "../src/index.js";
import {
  AtlasApiError,
  AtlasError,
  AtlasExportFailedError,
  createAtlasClient,
  digestAuth,
  serviceAccountAuth,
  type AtlasClient,
} from "../src/index.js";

const params = {
  groupId: "32b6e34b3d91647abb20e7b8",
  clusterName: "Cluster0",
  exportId: "32b6e34b3d91647abb20e7b8",
};

describe("public types", () => {
  it("returns the generated job type, whose state is a literal union", () => {
    const atlas = createAtlasClient();
    expectTypeOf(atlas).toEqualTypeOf<AtlasClient>();
    expectTypeOf(atlas.getBackupExportJob(params)).resolves.toEqualTypeOf<BackupExportJob>();
    expectTypeOf(atlas.waitForBackupExportJob(params)).resolves.toEqualTypeOf<BackupExportJob>();
    expectTypeOf<NonNullable<BackupExportJob["state"]>>().toEqualTypeOf<BackupExportJobState>();
  });

  it("requires every path parameter", () => {
    const atlas = createAtlasClient();
    // @ts-expect-error exportId is required by the spec
    void atlas.getBackupExportJob({ groupId: params.groupId, clusterName: params.clusterName });
  });

  it("makes the auth strategies openapi-fetch middleware", () => {
    expectTypeOf(digestAuth({ publicKey: "p", privateKey: "k" })).toMatchTypeOf<Middleware>();
    expectTypeOf(serviceAccountAuth({ clientId: "i", clientSecret: "s" })).toMatchTypeOf<Middleware>();
  });

  it("types api as the typed openapi-fetch client", async () => {
    const { data } = await createAtlasClient().api.GET(
      "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}",
      { params: { path: params } },
    );
    expectTypeOf(data).toEqualTypeOf<BackupExportJob | undefined>();
    expectTypeOf(createAtlasClient().api).toEqualTypeOf<Client<paths>>();
  });

  it("derives every error from AtlasError and carries typed fields", () => {
    expectTypeOf<AtlasApiError>().toMatchTypeOf<AtlasError>();
    expectTypeOf<AtlasApiError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<AtlasExportFailedError["state"]>().toEqualTypeOf<"Failed" | "Cancelled">();
  });

  it("rejects options that do not exist", () => {
    // @ts-expect-error retries is spelled retry
    createAtlasClient({ retries: 3 });
  });

  it("re-exports the result types, so a user never needs @atlas-export/types to name a result", () => {
    expectTypeOf<Exports.BackupExportJob>().toEqualTypeOf<BackupExportJob>();
    expectTypeOf<Exports.BackupExportJobState>().toEqualTypeOf<BackupExportJobState>();
    expectTypeOf<Exports.ExportStatus>().toEqualTypeOf<NonNullable<BackupExportJob["exportStatus"]>>();
    expectTypeOf<Exports.StateReason>().toEqualTypeOf<NonNullable<BackupExportJob["stateReason"]>>();
    expectTypeOf<Exports.GetBackupExportJobParams>().toEqualTypeOf<
      Parameters<AtlasClient["getBackupExportJob"]>[0]
    >();
    expectTypeOf<Exports.paths>().toEqualTypeOf<paths>();
    expectTypeOf<Exports.ApiError["errorCode"]>().toEqualTypeOf<string>();
  });
});
