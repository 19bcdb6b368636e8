import type {
  BackupExportJob,
  BackupSnapshot,
  CreateBackupExportJobBody,
  CreateExportBucketBody,
  ExportBucket,
} from "@atlas-export/types";
import { describe, expectTypeOf, it } from "vitest";
import * as Exports from "../src/index.js";
import { createAtlasClient, type Page, type PagePromise } from "../src/index.js";

const groupId = "32b6e34b3d91647abb20e7b8";
const clusterName = "Cluster0";
const id = "6650a1b2c3d4e5f6a7b8c9d0";

describe("the named methods' types", () => {
  const atlas = createAtlasClient();

  it("returns the generated types", () => {
    expectTypeOf(
      atlas.createExportBucket({ groupId }, { cloudProvider: "GCP", bucketName: "b", roleId: id }),
    ).resolves.toEqualTypeOf<ExportBucket>();
    expectTypeOf(
      atlas.getExportBucket({ groupId, exportBucketId: id }),
    ).resolves.toEqualTypeOf<ExportBucket>();
    expectTypeOf(atlas.deleteExportBucket({ groupId, exportBucketId: id })).resolves.toEqualTypeOf<void>();
    expectTypeOf(
      atlas.createBackupExportJob({ groupId, clusterName }, { snapshotId: id, exportBucketId: id }),
    ).resolves.toEqualTypeOf<BackupExportJob>();
    expectTypeOf(
      atlas.getReplicaSetBackup({ groupId, clusterName, snapshotId: id }),
    ).resolves.toEqualTypeOf<BackupSnapshot>();
  });

  it("keeps Atlas's _id on export buckets", () => {
    expectTypeOf<ExportBucket>().toHaveProperty("_id");
  });

  it("returns lists as a PagePromise: awaited a Page, iterated its items", async () => {
    expectTypeOf(atlas.listExportBuckets({ groupId })).toEqualTypeOf<PagePromise<ExportBucket>>();
    expectTypeOf(atlas.listBackupExportJobs({ groupId, clusterName })).toEqualTypeOf<
      PagePromise<BackupExportJob>
    >();
    expectTypeOf(atlas.listReplicaSetBackups({ groupId, clusterName })).toEqualTypeOf<
      PagePromise<BackupSnapshot>
    >();
    const page = await atlas.listBackupExportJobs({ groupId, clusterName });
    expectTypeOf(page).toEqualTypeOf<Page<BackupExportJob>>();
    expectTypeOf(page.results).toEqualTypeOf<BackupExportJob[]>();
    expectTypeOf(page.totalCount).toEqualTypeOf<number | undefined>();
    expectTypeOf(page.getNextPage()).resolves.toEqualTypeOf<Page<BackupExportJob>>();
    for await (const job of atlas.listBackupExportJobs({ groupId, clusterName })) {
      expectTypeOf(job).toEqualTypeOf<BackupExportJob>();
    }
  });

  it("takes the bodies the spec defines", () => {
    expectTypeOf<Parameters<typeof atlas.createExportBucket>[1]>().toEqualTypeOf<CreateExportBucketBody>();
    expectTypeOf<
      Parameters<typeof atlas.createBackupExportJob>[1]
    >().toEqualTypeOf<CreateBackupExportJobBody>();
    // @ts-expect-error exportBucketId is required
    void atlas.createBackupExportJob({ groupId, clusterName }, { snapshotId: id });
    // @ts-expect-error an AWS bucket needs iamRoleId
    void atlas.createExportBucket({ groupId }, { cloudProvider: "AWS", bucketName: "b" });
    // @ts-expect-error a create takes a body
    void atlas.createBackupExportJob({ groupId, clusterName });
  });

  it("requires each operation's path parameters", () => {
    // @ts-expect-error exportBucketId is required
    void atlas.getExportBucket({ groupId });
    // @ts-expect-error clusterName is required
    void atlas.listBackupExportJobs({ groupId });
    // @ts-expect-error snapshotId is required
    void atlas.getReplicaSetBackup({ groupId, clusterName });
    // @ts-expect-error groupId is required without a default project
    void atlas.listExportBuckets({});
    void createAtlasClient({ projectId: groupId }).listExportBuckets({});
  });

  it("takes paging options on lists only", () => {
    void atlas.listExportBuckets(
      { groupId },
      { itemsPerPage: 100, pageNum: 2, includeCount: false, maxPages: 5 },
    );
    // @ts-expect-error itemsPerPage is a list option
    void atlas.getExportBucket({ groupId, exportBucketId: id }, { itemsPerPage: 100 });
  });

  it("re-exports the workflow's result, page and body types", () => {
    expectTypeOf<Exports.ExportBucket>().toEqualTypeOf<ExportBucket>();
    expectTypeOf<Exports.BackupSnapshot>().toEqualTypeOf<BackupSnapshot>();
    expectTypeOf<Exports.CreateExportBucketBody>().toEqualTypeOf<CreateExportBucketBody>();
    expectTypeOf<Exports.CreateBackupExportJobBody>().toEqualTypeOf<CreateBackupExportJobBody>();
    expectTypeOf<Exports.BackupExportJobPage["results"]>().toEqualTypeOf<BackupExportJob[]>();
    expectTypeOf<Exports.ExportBucketPage["results"]>().toEqualTypeOf<ExportBucket[]>();
    expectTypeOf<Exports.BackupSnapshotPage["results"]>().toEqualTypeOf<BackupSnapshot[]>();
  });
});
