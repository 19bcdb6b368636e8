import { createRequire } from "node:module";
import { benchCredentials } from "./bench-credentials.js";
import type { DigestContender } from "./digest-contender.js";
import { exampleJobParams } from "./example-job.js";

/** The subset of mongodb-atlas-api-client's API the bench calls (its .d.ts misdescribes the CJS export). */
interface AtlasApiClient {
  cloudBackup: {
    getReplicaSetCloudBackup(clusterName: string, snapshotId: string): Promise<{ id?: string } | undefined>;
  };
}
type GetAtlasApiClient = (options: {
  publicKey: string;
  privateKey: string;
  baseUrl: string;
  projectId: string;
}) => AtlasApiClient;

const require = createRequire(import.meta.url);
const getMongodbAtlasApiClient = require("mongodb-atlas-api-client") as GetAtlasApiClient;

/** mongodb-atlas-api-client (urllib), which answers a fresh challenge on every call. */
export const mongodbAtlasApiClientContender: DigestContender = {
  name: "mongodb-atlas-api-client 4.19.0",
  challengePerCall: true,
  create(baseUrl) {
    const client = getMongodbAtlasApiClient({
      publicKey: benchCredentials.publicKey,
      privateKey: benchCredentials.privateKey,
      baseUrl: `${baseUrl}/api/atlas/v1.0`,
      projectId: exampleJobParams.groupId,
    });
    return async () => {
      try {
        // It has no export-job method; a snapshot GET under the same cluster is the same round trip
        // (the counting server answers every GET under /api/atlas/ with the job).
        const body = await client.cloudBackup.getReplicaSetCloudBackup(
          exampleJobParams.clusterName,
          exampleJobParams.exportId,
        );
        return body?.id === exampleJobParams.exportId;
      } catch {
        return false;
      }
    };
  },
};
