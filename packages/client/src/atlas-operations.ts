import type { BackupExportJob, GetBackupExportJobParams, paths } from "@atlas-export/types";
import type { Client } from "openapi-fetch";
import { callOperation, type CallOptions } from "./call-operation.js";
import { getBackupExportJobOperation } from "./operations.js";
import {
  withDefaultGroupId,
  type AtlasPathParams,
  type GroupIdOptional,
  type GroupIdRequired,
} from "./with-default-group-id.js";

/** Per-call options of `getBackupExportJob`. */
export type GetBackupExportJobOptions = CallOptions;

/**
 * One method per operation of the fragment, named after its operationId: `(pathParams, body?, options?)`.
 * `GroupId` says whether `groupId` may be left out (`GroupIdOptional`: the client may have a `projectId`).
 */
export interface AtlasOperations<GroupId extends GroupIdOptional = GroupIdRequired> {
  /** Returns one export job, or throws an `AtlasError`. */
  getBackupExportJob(
    params: AtlasPathParams<GetBackupExportJobParams, GroupId>,
    options?: GetBackupExportJobOptions,
  ): Promise<BackupExportJob>;
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
  const path = <P extends object>(method: string, params: P) => withDefaultGroupId(method, params, projectId);
  return {
    async getBackupExportJob(params, options) {
      return callOperation<BackupExportJob>(
        api,
        validateResponses,
        getBackupExportJobOperation,
        { path: path("getBackupExportJob", params) },
        options,
      );
    },
  };
}
