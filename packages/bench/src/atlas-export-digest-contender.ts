import { createAtlasClient, digestAuth } from "@atlas-export/client";
import { benchCredentials } from "./bench-credentials.js";
import type { DigestContender } from "./digest-contender.js";
import { exampleJobParams } from "./example-job.js";

/** atlas-export with its defaults, as a user gets them: `createAtlasClient` + `digestAuth`. */
export const atlasExportDigestContender: DigestContender = {
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
};
