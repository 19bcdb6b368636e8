import { apiError } from "./api-error.js";
import type { ClusterRef } from "./cluster-ref.js";
import type { OperationResult } from "./operation-handler.js";

/** 404 CLUSTER_NOT_FOUND, word for word what Atlas answers for a cluster-scoped call on an unknown cluster. */
export function clusterNotFound({ groupId, clusterName }: ClusterRef): OperationResult {
  return {
    status: 404,
    body: apiError(404, "CLUSTER_NOT_FOUND", `No cluster named ${clusterName} exists in group ${groupId}.`, {
      parameters: [clusterName, groupId],
    }),
  };
}
