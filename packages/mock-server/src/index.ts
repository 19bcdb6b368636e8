export { startMockAtlas } from "./start-mock-atlas.js";
export type { MockAtlas, FaultController } from "./mock-atlas.js";
export type {
  MockAtlasOptions,
  ApiKeyCredential,
  ServiceAccountCredential,
  RateLimit,
  MockAtlasTls,
} from "./mock-atlas-options.js";
export type { MockAtlasStats } from "./mock-atlas-stats.js";
export type { ClusterStore } from "./cluster-store.js";
export type { ClusterRef } from "./cluster-ref.js";
export { DOCUMENTED_CLUSTER } from "./documented-cluster.js";
export type { JobStore } from "./job-store.js";
export type { JobRef, MockJobDefinition, MockJobLifecycle, MockJobOutcome } from "./mock-job-definition.js";
export type { BucketStore } from "./bucket-store.js";
export type { SnapshotStore } from "./snapshot-store.js";
export type { MockExportBucketDefinition } from "./mock-bucket-definition.js";
export type { MockSnapshotDefinition, SnapshotRef } from "./mock-snapshot-definition.js";
export type { Fault, FaultMatch, FaultRule } from "./fault-rule.js";
export { type Clock, systemClock } from "./clock.js";
export { type ManualClock, createManualClock } from "./manual-clock.js";
export { DEMO_API_KEY, DEMO_SERVICE_ACCOUNT } from "./demo-credentials.js";
export { DOCUMENTED_EXPORT_JOB, DOCUMENTED_EXPORT_JOB_DEFINITION } from "./documented-export-job.js";
export { DOCUMENTED_EXPORT_BUCKET_DEFINITION } from "./documented-export-bucket.js";
export { ATLAS_MEDIA_TYPE } from "./mock-response.js";
export {
  createTestCertificates,
  type TestCertificates,
  type TestServerCertificate,
} from "./create-test-certificates.js";
