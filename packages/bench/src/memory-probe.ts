// Child process of benchmark 5 (run with --expose-gc): makes calls with one contender against the server
// whose URL it is given and prints heap and RSS after 100 and after 10,000 calls as JSON.
import { getHeapSpaceStatistics } from "node:v8";
import { ATLAS_MEDIA_TYPE, createAtlasClient, serviceAccountAuth } from "@atlas-export/client";
import { bareNodeHttpGet } from "./bare-node-http-get.js";
import { benchCredentials } from "./bench-credentials.js";
import { digestContenders } from "./digest-contenders.js";
import { exampleJobParams, exampleJobPath } from "./example-job.js";
import { mintToken } from "./mint-token.js";

export interface MemorySample {
  heapUsed: number;
  rss: number;
  /**
   * Bytes V8 has reserved for its young generation (`new_space`). V8 grows it in steps (up to
   * `--max-semi-space-size`) when enough bytes survive its scavenges; a step shows up in RSS.
   */
  youngGeneration: number;
}

const [name, baseUrl, totalArg] = process.argv.slice(2);
const total = Number(totalArg ?? 10_000);
if (name === undefined || baseUrl === undefined || typeof globalThis.gc !== "function") {
  console.error("usage: node --expose-gc --import tsx src/memory-probe.ts <contender> <baseUrl> [calls]");
  process.exit(2);
}
const gc = globalThis.gc;
const url: string = baseUrl;

async function makeCall(): Promise<() => Promise<boolean>> {
  const digest = digestContenders.find((contender) => contender.name === name);
  if (digest !== undefined) return digest.create(url);
  const { clientId, clientSecret } = benchCredentials;
  if (name === "atlas-export (service account)") {
    const atlas = createAtlasClient({ baseUrl: url, auth: serviceAccountAuth({ clientId, clientSecret }) });
    return () => atlas.getBackupExportJob(exampleJobParams).then(() => true);
  }
  if (name === "bare fetch (bearer)") {
    const token = await mintToken(`${url}/api/oauth/token`, clientId, clientSecret);
    const jobUrl = url + exampleJobPath;
    return async () => {
      const response = await fetch(jobUrl, {
        headers: { Authorization: `Bearer ${token}`, Accept: ATLAS_MEDIA_TYPE },
      });
      await response.json();
      return response.ok;
    };
  }
  if (name === "bare node:http (bearer)") {
    const token = await mintToken(`${url}/api/oauth/token`, clientId, clientSecret);
    const jobUrl = url + exampleJobPath;
    const headers = { Authorization: `Bearer ${token}`, Accept: ATLAS_MEDIA_TYPE };
    // Node's global agent, as the client's default transport uses.
    return async () => (await bareNodeHttpGet(jobUrl, headers)).status === 200;
  }
  throw new Error(`@atlas-export/bench: memory-probe has no contender named ${name}`);
}

/**
 * Full collections with 20 ms of event loop between them: WeakRefs are cleared and FinalizationRegistry
 * callbacks (undici uses one for response bodies) run only after a task turn, so one gc() is not enough.
 */
async function sample(): Promise<MemorySample> {
  for (let i = 0; i < 5; i += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { heapUsed, rss } = process.memoryUsage();
  const youngGeneration =
    getHeapSpaceStatistics().find((space) => space.space_name === "new_space")?.space_size ?? 0;
  return { heapUsed, rss, youngGeneration };
}

const call = await makeCall();
let failed = 0;
for (let i = 0; i < 100; i += 1) if (!(await call())) failed += 1;
const after100 = await sample();
for (let i = 100; i < total; i += 1) if (!(await call())) failed += 1;
const afterAll = await sample();
process.stdout.write(JSON.stringify({ after100, afterAll, failed }));
