import { createRequire } from "node:module";
import type { paths } from "@atlas-export/types";
import { benchCredentials } from "./bench-credentials.js";
import { exampleJobParams, exampleJobPath, exampleMediaType } from "./example-job.js";
import { mintToken } from "./mint-token.js";

/** One call of "get this export job"; resolves true when the job came back, false when the call failed. */
export type JobCall = () => Promise<boolean>;

const { publicKey, privateKey, clientId, clientSecret } = benchCredentials;
const operationPath = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}";
const isTheJob = (body: { id?: string } | undefined) => body?.id === exampleJobParams.exportId;
const tokenFrom = (baseUrl: string) => mintToken(`${baseUrl}/api/oauth/token`, clientId, clientSecret);

/** The subset of mongodb-atlas-api-client's API the bench calls (its .d.ts misdescribes the CJS export). */
type GetAtlasApiClient = (options: Record<string, string>) => {
  cloudBackup: {
    getReplicaSetCloudBackup(cluster: string, id: string): Promise<{ id?: string } | undefined>;
  };
};

/**
 * Every contender, each made fresh (fresh nonce or token state) for the server at `baseUrl`. Each imports its
 * library when it is made, so a memory probe's process (memory-probe.ts) holds one contender's code only.
 */
const factories = {
  "atlas-export (digest)": async (baseUrl: string): Promise<JobCall> => {
    const { createAtlasClient, digestAuth } = await import("@atlas-export/client");
    const atlas = createAtlasClient({ baseUrl, auth: digestAuth({ publicKey, privateKey }) });
    return () => atlas.getBackupExportJob(exampleJobParams).then(isTheJob, () => false);
  },
  "atlas-export (service account)": async (baseUrl: string): Promise<JobCall> => {
    const { createAtlasClient, serviceAccountAuth } = await import("@atlas-export/client");
    const atlas = createAtlasClient({ baseUrl, auth: serviceAccountAuth({ clientId, clientSecret }) });
    return () => atlas.getBackupExportJob(exampleJobParams).then(isTheJob, () => false);
  },
  "digest-fetch 3.1.1": async (baseUrl: string): Promise<JobCall> => {
    const { default: DigestClient } = await import("digest-fetch");
    const client = new DigestClient(publicKey, privateKey);
    return async () => {
      try {
        // A fresh options object per call: digest-fetch writes the Authorization header into it.
        const response = await client.fetch(baseUrl + exampleJobPath, {
          headers: { Accept: exampleMediaType },
        });
        return response.ok && isTheJob((await response.json()) as { id?: string });
      } catch {
        return false;
      }
    };
  },
  "mongodb-atlas-api-client 4.19.0": async (baseUrl: string): Promise<JobCall> => {
    const getClient = createRequire(import.meta.url)("mongodb-atlas-api-client") as GetAtlasApiClient;
    const client = getClient({
      publicKey,
      privateKey,
      baseUrl: `${baseUrl}/api/atlas/v1.0`,
      projectId: exampleJobParams.groupId,
    });
    // It has no export-job method; a snapshot GET under the same cluster is the same single round trip
    // (the counting server answers every GET under /api/atlas/ with the job).
    return () =>
      client.cloudBackup
        .getReplicaSetCloudBackup(exampleJobParams.clusterName, exampleJobParams.exportId)
        .then(isTheJob, () => false);
  },
  "bare openapi-fetch (static bearer middleware)": async (baseUrl: string): Promise<JobCall> => {
    const { default: createClient } = await import("openapi-fetch");
    const authorization = `Bearer ${await tokenFrom(baseUrl)}`;
    const client = createClient<paths>({
      baseUrl,
      headers: { Accept: exampleMediaType },
    });
    client.use({
      onRequest({ request }) {
        request.headers.set("Authorization", authorization);
        return request;
      },
    });
    return () =>
      client.GET(operationPath, { params: { path: exampleJobParams } }).then(
        ({ data }) => isTheJob(data),
        () => false,
      );
  },
  "bare fetch (bearer)": async (baseUrl: string): Promise<JobCall> => {
    const headers = { Authorization: `Bearer ${await tokenFrom(baseUrl)}`, Accept: exampleMediaType };
    return async () => {
      try {
        const response = await fetch(baseUrl + exampleJobPath, { headers });
        return response.ok && isTheJob((await response.json()) as { id?: string });
      } catch {
        return false;
      }
    };
  },
};

export type ContenderName = keyof typeof factories;

/** A fresh `name` client for the server at `baseUrl`, as one call. */
export function createJobCall(name: ContenderName, baseUrl: string): Promise<JobCall> {
  return factories[name](baseUrl);
}

/** Whether `name` is a contender (memory-probe.ts reads names from its command line). */
export function isContenderName(name: string): name is ContenderName {
  return Object.hasOwn(factories, name);
}
