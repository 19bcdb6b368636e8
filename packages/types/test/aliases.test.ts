import { describe, expectTypeOf, it } from "vitest";
import type {
  ApiError,
  BackupExportJob,
  BackupExportJobState,
  ExportStatus,
  GetBackupExportJobParams,
  GetBackupExportJobQuery,
  GetBackupExportJobResult,
  OperationId,
  OperationTypes,
  paths,
  BackupSnapshot,
  CreateBackupExportJobBody,
  CreateExportBucketBody,
  DeleteExportBucketResult,
  ExportBucket,
  ExportBucketPage,
  GetExportBucketResult,
  GetReplicaSetBackupResult,
  ListExportBucketsResult,
} from "../src/index.js";
import type { operationTable } from "../src/index.js";

describe("friendly aliases", () => {
  it("types the job state as the five literal states, never string", () => {
    expectTypeOf<BackupExportJobState>().toEqualTypeOf<
      "Cancelled" | "Failed" | "InProgress" | "Queued" | "Successful"
    >();
    // @ts-expect-error -- a misspelt state is not a BackupExportJobState
    const misspelt: BackupExportJobState = "Succesful";
    void misspelt;
  });

  it("requires exportBucketId and leaves every other field optional", () => {
    expectTypeOf<BackupExportJob["exportBucketId"]>().toEqualTypeOf<string>();
    const minimal: BackupExportJob = { exportBucketId: "32b6e34b3d91647abb20e7b8" };
    void minimal;
    // @ts-expect-error -- exportBucketId is required by the spec
    const missing: BackupExportJob = { id: "32b6e34b3d91647abb20e7b8" };
    void missing;
  });

  it("types exportStatus counts as numbers", () => {
    expectTypeOf<NonNullable<ExportStatus["exportedCollections"]>>().toEqualTypeOf<number>();
    expectTypeOf<NonNullable<ExportStatus["totalCollections"]>>().toEqualTypeOf<number>();
  });

  it("types the stateReason the live API sends", () => {
    expectTypeOf<NonNullable<BackupExportJob["stateReason"]>>().toEqualTypeOf<{
      errorCode?: string;
      message?: string;
    }>();
  });

  it("requires error and errorCode on ApiError", () => {
    expectTypeOf<ApiError["error"]>().toEqualTypeOf<number>();
    expectTypeOf<ApiError["errorCode"]>().toEqualTypeOf<string>();
  });

  it("names the three path parameters", () => {
    expectTypeOf<GetBackupExportJobParams>().toEqualTypeOf<{
      groupId: string;
      clusterName: string;
      exportId: string;
    }>();
  });

  it("keys paths by the path templates of the operation table, the documented one among them", () => {
    expectTypeOf<keyof paths>().toEqualTypeOf<(typeof operationTable)[OperationId]["path"]>();
    expectTypeOf<"/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}">().toExtend<
      keyof paths
    >();
  });

  it("derives getBackupExportJob's result and query from the operation", () => {
    expectTypeOf<GetBackupExportJobResult>().toEqualTypeOf<BackupExportJob>();
    expectTypeOf<OperationTypes["getBackupExportJob"]["result"]>().toEqualTypeOf<BackupExportJob>();
    expectTypeOf<OperationTypes["getBackupExportJob"]["params"]>().toEqualTypeOf<GetBackupExportJobParams>();
    expectTypeOf<OperationTypes["getBackupExportJob"]["body"]>().toBeNever();
    expectTypeOf<keyof GetBackupExportJobQuery>().toEqualTypeOf<"envelope" | "pretty">();
  });

  it("types every operationId of the table in OperationTypes, and no other", () => {
    expectTypeOf<keyof OperationTypes>().toEqualTypeOf<OperationId>();
  });

  it("types CreateExportBucketBody as the AWS/Azure/GCP union discriminated by cloudProvider", () => {
    expectTypeOf<CreateExportBucketBody["cloudProvider"]>().toEqualTypeOf<"AWS" | "AZURE" | "GCP">();
    const aws: CreateExportBucketBody = {
      cloudProvider: "AWS",
      bucketName: "export-bucket",
      iamRoleId: "668c5f0ed436263134491592",
    };
    const gcp: CreateExportBucketBody = {
      cloudProvider: "GCP",
      bucketName: "export-bucket",
      roleId: "668c5f0ed436263134491592",
    };
    const mixed: CreateExportBucketBody = {
      cloudProvider: "GCP",
      bucketName: "export-bucket",
      // @ts-expect-error a GCP bucket takes roleId, not the AWS iamRoleId
      iamRoleId: "668c5f0ed436263134491592",
    };
    void [aws, gcp, mixed];
  });

  it("keeps export buckets' _id and derives each operation's result from the spec", () => {
    expectTypeOf<NonNullable<ExportBucket["_id"]>>().toEqualTypeOf<string>();
    expectTypeOf<GetExportBucketResult>().toEqualTypeOf<ExportBucket>();
    expectTypeOf<ListExportBucketsResult>().toEqualTypeOf<ExportBucketPage>();
    expectTypeOf<GetReplicaSetBackupResult>().toEqualTypeOf<BackupSnapshot>();
    expectTypeOf<DeleteExportBucketResult>().toEqualTypeOf<void>();
    expectTypeOf<CreateBackupExportJobBody>().toEqualTypeOf<
      OperationTypes["createBackupExportJob"]["body"]
    >();
  });
});
