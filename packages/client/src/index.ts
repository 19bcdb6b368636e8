export {
  createAtlasClient,
  ATLAS_MEDIA_TYPE,
  type AtlasClient,
  type CreateAtlasClient,
} from "./create-atlas-client.js";
export type { AtlasOperations, GetBackupExportJobOptions } from "./atlas-operations.js";
export type { AtlasPathParams, GroupIdOptional, GroupIdRequired } from "./with-default-group-id.js";
export type { ListOptions } from "./list-options.js";
export { Page, type PageLink } from "./page.js";
export { PagePromise } from "./page-promise.js";
export type { AtlasClientOptions, RetryOptions } from "./atlas-client-options.js";
export type { ProxyOption } from "./resolve-proxy-option.js";
export type { CaOption } from "./resolve-ca-option.js";
export type { CallOptions } from "./call-operation.js";
export type { FromEnvOptions } from "./from-env.js";
export type { WaitForBackupExportJobOptions } from "./wait-for-job.js";
export { digestAuth, type DigestAuthOptions, type DigestAuthMiddleware } from "./digest-auth.js";
export {
  serviceAccountAuth,
  type ServiceAccountAuthOptions,
  type ServiceAccountAuthMiddleware,
} from "./service-account-auth.js";
export { AtlasError } from "./atlas-error.js";
export { AtlasApiError, type AtlasApiErrorInit } from "./atlas-api-error.js";
export { AtlasAuthError } from "./atlas-auth-error.js";
export { AtlasConnectionError } from "./atlas-connection-error.js";
export { AtlasTimeoutError } from "./atlas-timeout-error.js";
export { AtlasAbortError } from "./atlas-abort-error.js";
export { AtlasValidationError } from "./atlas-validation-error.js";
export { AtlasExportFailedError } from "./atlas-export-failed-error.js";
export { CLIENT_VERSION } from "./user-agent.js";
export { stripControlCharacters } from "./strip-control-characters.js";
export type {
  ApiError,
  BackupExportJob,
  BackupExportJobState,
  BackupExportMember,
  ExportStatus,
  GetBackupExportJobParams,
  GetBackupExportJobQuery,
  StateReason,
  TerminalBackupExportJobState,
  components,
  operations,
  paths,
} from "@atlas-export/types";
// The export workflow's generated types: results, pages, request bodies and each operation's path parameters.
export type {
  AwsExportBucket,
  AzureExportBucket,
  BackupExportJobPage,
  BackupLabel,
  BackupSnapshot,
  BackupSnapshotPage,
  CreateAwsExportBucketBody,
  CreateAzureExportBucketBody,
  CreateBackupExportJobBody,
  CreateBackupExportJobParams,
  CreateExportBucketBody,
  CreateExportBucketParams,
  CreateGcpExportBucketBody,
  DeleteExportBucketParams,
  ExportBucket,
  ExportBucketPage,
  GcpExportBucket,
  GetExportBucketParams,
  GetReplicaSetBackupParams,
  ListBackupExportJobsParams,
  ListExportBucketsParams,
  ListReplicaSetBackupsParams,
  OperationTypes,
} from "@atlas-export/types";
