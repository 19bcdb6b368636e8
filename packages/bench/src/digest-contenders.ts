import { createRequire } from "node:module";
import DigestClient from "digest-fetch";
import { ATLAS_MEDIA_TYPE, createAtlasClient, digestAuth } from "@atlas-export/client";
import { benchCredentials } from "./bench-credentials.js";
import { exampleJobParams, exampleJobPath } from "./example-job.js";

/** One call of "get this export job"; resolves true when the job came back, false when the call failed. */
export type JobCall = () => Promise<boolean>;

/** A digest-authenticating client under test; `create` makes a fresh instance (fresh nonce state). */
export interface DigestContender {
  name: string;
  /** True for peers that pay a 401 challenge round trip on every call. */
  challengePerCall: boolean;
  create(baseUrl: string): JobCall;
}

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

/** atlas-export (its defaults, as a user gets them) and the two npm peers, all asking the same server. */
export const digestContenders: DigestContender[] = [
  {
    name: "atlas-export",
    challengePerCall: false,
    create(baseUrl) {
      const atlas = createAtlasClient({
        baseUrl,
        auth: digestAuth({ publicKey: benchCredentials.publicKey, privateKey: benchCredentials.privateKey }),
      });
      return async () => {
        try {
          return (await atlas.getBackupExportJob(exampleJobParams)).id === exampleJobParams.exportId;
        } catch {
          return false;
        }
      };
    },
  },
  {
    name: "digest-fetch 3.1.1",
    challengePerCall: false,
    create(baseUrl) {
      const client = new DigestClient(benchCredentials.publicKey, benchCredentials.privateKey);
      const url = baseUrl + exampleJobPath;
      return async () => {
        try {
          // A fresh options object per call: digest-fetch writes the Authorization header into it.
          const response = await client.fetch(url, { headers: { Accept: ATLAS_MEDIA_TYPE } });
          const body = (await response.json()) as { id?: string };
          return response.status === 200 && body.id === exampleJobParams.exportId;
        } catch {
          return false;
        }
      };
    },
  },
  {
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
  },
];
