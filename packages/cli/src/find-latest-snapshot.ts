import type { AtlasClient } from "@atlas-export/client";
import { collectItems } from "./collect-items.js";
import { EXIT_CODES } from "./exit-codes.js";
import { UsageError } from "./usage-error.js";

/**
 * The newest completed snapshot of a cluster, picked by `createdAt` rather than by the order Atlas lists
 * them in (newest first today, but not a documented promise). A snapshot still in progress or failed
 * cannot be exported.
 */
export async function findLatestSnapshot(
  atlas: AtlasClient,
  params: { groupId: string; clusterName: string },
  options: { signal?: AbortSignal },
): Promise<{ id: string; createdAt: string }> {
  let latest: { id: string; createdAt: string; time: number } | undefined;
  for (const snapshot of await collectItems(atlas.listReplicaSetBackups(params, options))) {
    const { id, createdAt, status } = snapshot as Record<string, unknown>;
    const time = typeof createdAt === "string" ? Date.parse(createdAt) : NaN;
    if (status !== "completed" || typeof id !== "string" || Number.isNaN(time)) continue;
    if (!latest || time > latest.time) latest = { id, createdAt: createdAt as string, time };
  }
  if (!latest)
    throw new UsageError(`cluster ${params.clusterName} has no completed snapshot to export.`, {
      exitCode: EXIT_CODES.notFound,
      hint: "Run `atlas-export snapshots list` to see its snapshots, or take an on-demand snapshot in Atlas.",
    });
  return { id: latest.id, createdAt: latest.createdAt };
}
