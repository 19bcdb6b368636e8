import DigestClient from "digest-fetch";
import { benchCredentials } from "./bench-credentials.js";
import type { DigestContender } from "./digest-contender.js";
import { exampleJobParams, exampleJobPath, exampleMediaType } from "./example-job.js";

/** digest-fetch, which wraps Node's fetch. */
export const digestFetchContender: DigestContender = {
  name: "digest-fetch 3.1.1",
  challengePerCall: false,
  create(baseUrl) {
    const client = new DigestClient(benchCredentials.publicKey, benchCredentials.privateKey);
    const url = baseUrl + exampleJobPath;
    return async () => {
      try {
        // A fresh options object per call: digest-fetch writes the Authorization header into it.
        const response = await client.fetch(url, { headers: { Accept: exampleMediaType } });
        const body = (await response.json()) as { id?: string };
        return response.status === 200 && body.id === exampleJobParams.exportId;
      } catch {
        return false;
      }
    };
  },
};
