import { atlasExportDigestContender } from "./atlas-export-digest-contender.js";
import type { DigestContender } from "./digest-contender.js";
import { digestFetchContender } from "./digest-fetch-contender.js";
import { mongodbAtlasApiClientContender } from "./mongodb-atlas-api-client-contender.js";

export type { DigestContender, JobCall } from "./digest-contender.js";

/** atlas-export (its defaults, as a user gets them) and the two npm peers, all asking the same server. */
export const digestContenders: DigestContender[] = [
  atlasExportDigestContender,
  digestFetchContender,
  mongodbAtlasApiClientContender,
];
