import type { OperationTypes, paths } from "@atlas-export/types";
import type { Client } from "openapi-fetch";
import { callOperation, type CallOptions, type Operation } from "./call-operation.js";
import { exportAlreadyRunning } from "./export-already-running.js";
import { listPages } from "./list-pages.js";
import type { ListOptions } from "./list-options.js";
import { operations } from "./operations.js";
import type { PagePromise } from "./page-promise.js";
import {
  withDefaultGroupId,
  type AtlasPathParams,
  type GroupIdOptional,
  type GroupIdRequired,
} from "./with-default-group-id.js";

/** Per-call options of `getBackupExportJob`. */
export type GetBackupExportJobOptions = CallOptions;

type Types = OperationTypes;
/** The path parameters a named method takes for `Id`, `groupId` as the client takes it. */
type Params<Id extends keyof Types, GroupId extends GroupIdOptional> = AtlasPathParams<
  Types[Id]["params"],
  GroupId
>;
/** An item of a list operation's page. */
type ItemOf<Id extends keyof Types> = Types[Id]["result"] extends { results: readonly (infer Item)[] }
  ? Item
  : never;

/**
 * One method per operation of the fragment, named after its operationId: `(pathParams, body?, options?)`,
 * results and bodies the generated types. Lists return a `PagePromise`: `await` it for the first page,
 * `for await` it for every item. `GroupId` says whether `groupId` may be left out (`GroupIdOptional`: the
 * client has a default project).
 */
export interface AtlasOperations<GroupId extends GroupIdOptional = GroupIdRequired> {
  /** The project's export buckets (`GET …/backup/exportBuckets`). */
  listExportBuckets(
    params: Params<"listExportBuckets", GroupId>,
    options?: ListOptions,
  ): PagePromise<ItemOf<"listExportBuckets">>;
  /** Creates an export bucket (AWS, Azure or GCP, by `cloudProvider`); the answer keeps Atlas's `_id`. */
  createExportBucket(
    params: Params<"createExportBucket", GroupId>,
    body: Types["createExportBucket"]["body"],
    options?: CallOptions,
  ): Promise<Types["createExportBucket"]["result"]>;
  /** One export bucket, or `AtlasApiError` 404. */
  getExportBucket(
    params: Params<"getExportBucket", GroupId>,
    options?: CallOptions,
  ): Promise<Types["getExportBucket"]["result"]>;
  /** Deletes an export bucket; resolves `undefined` (Atlas answers 204). */
  deleteExportBucket(params: Params<"deleteExportBucket", GroupId>, options?: CallOptions): Promise<void>;
  /** The cluster's export jobs. */
  listBackupExportJobs(
    params: Params<"listBackupExportJobs", GroupId>,
    options?: ListOptions,
  ): PagePromise<ItemOf<"listBackupExportJobs">>;
  /**
   * Exports a snapshot to a bucket. Never re-sent after a timeout or a 5xx (it may have started); a 409
   * is an `AtlasApiError` saying an export of that snapshot is already running.
   */
  createBackupExportJob(
    params: Params<"createBackupExportJob", GroupId>,
    body: Types["createBackupExportJob"]["body"],
    options?: CallOptions,
  ): Promise<Types["createBackupExportJob"]["result"]>;
  /** Returns one export job, or throws an `AtlasError`. */
  getBackupExportJob(
    params: Params<"getBackupExportJob", GroupId>,
    options?: GetBackupExportJobOptions,
  ): Promise<Types["getBackupExportJob"]["result"]>;
  /** The cluster's snapshots, newest first. */
  listReplicaSetBackups(
    params: Params<"listReplicaSetBackups", GroupId>,
    options?: ListOptions,
  ): PagePromise<ItemOf<"listReplicaSetBackups">>;
  /** One snapshot, or `AtlasApiError` 404. */
  getReplicaSetBackup(
    params: Params<"getReplicaSetBackup", GroupId>,
    options?: CallOptions,
  ): Promise<Types["getReplicaSetBackup"]["result"]>;
}

/** What the named methods share: the client's `api`, whether answers are checked, the default project. */
export interface OperationContext {
  api: Client<paths>;
  validateResponses: boolean;
  projectId: string | undefined;
}

/** The named methods, each a few lines over `callOperation` with its operation's table entry. */
export function atlasOperations({
  api,
  validateResponses,
  projectId,
}: OperationContext): AtlasOperations<GroupIdOptional> {
  const call = <T>(operation: Operation, params: object, request: object, options?: CallOptions) =>
    callOperation<T>(
      api,
      validateResponses,
      operation,
      { path: withDefaultGroupId(operation.name, params, projectId), ...request },
      options,
    );
  const list = <Item>(operation: Operation, what: string, params: object, options: ListOptions = {}) =>
    listPages<Item>(operation.name, what, options, (query, callOptions) =>
      call(operation, params, { query }, callOptions),
    );
  return {
    listExportBuckets: (params, options) =>
      list(operations.listExportBuckets, "export buckets", params, options),
    createExportBucket: async (params, body, options) =>
      call(operations.createExportBucket, params, { body }, options),
    getExportBucket: async (params, options) => call(operations.getExportBucket, params, {}, options),
    deleteExportBucket: async (params, options) => call(operations.deleteExportBucket, params, {}, options),
    listBackupExportJobs: (params, options) =>
      list(operations.listBackupExportJobs, "export jobs", params, options),
    createBackupExportJob: async (params, body, options) =>
      call<Types["createBackupExportJob"]["result"]>(
        operations.createBackupExportJob,
        params,
        { body },
        options,
      ).catch((error: unknown) => exportAlreadyRunning(error, body)),
    getBackupExportJob: async (params, options) => call(operations.getBackupExportJob, params, {}, options),
    listReplicaSetBackups: (params, options) =>
      list(operations.listReplicaSetBackups, "snapshots", params, options),
    getReplicaSetBackup: async (params, options) => call(operations.getReplicaSetBackup, params, {}, options),
  };
}
