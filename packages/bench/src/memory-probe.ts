// Child process of benchmark 5 (run with --expose-gc): makes calls with one contender against the server
// whose URL it is given and prints heap, RSS and V8's physical heap sizes after 100 and after 10,000 calls
// as JSON.
import { getHeapSpaceStatistics } from "node:v8";
import { bareNodeHttpGet } from "./bare-node-http-get.js";
import { benchCredentials } from "./bench-credentials.js";
import type { JobCall } from "./digest-contender.js";
import { exampleJobParams, exampleJobPath, exampleMediaType } from "./example-job.js";
import { mintToken } from "./mint-token.js";

export interface MemorySample {
  /** Bytes of live JavaScript objects after full GCs (`process.memoryUsage().heapUsed`): the figure for leaks. */
  heapUsed: number;
  /** Resident set size of the whole process (`process.memoryUsage().rss`): what the target is about. */
  rss: number;
  /**
   * Bytes of V8's heap backed by memory pages (sum of `physical_space_size` over all heap spaces): the part
   * of RSS that V8's heap accounts for, whatever is live in it.
   */
  v8Physical: number;
  /**
   * Bytes of the young generation (`new_space`) backed by memory pages (its `physical_space_size`). The
   * scavenger allocates through the semi-spaces in turn, so pages are touched once as calls go on, up to the
   * capacity below, whether or not anything survives. Recorded because it was most of the RSS growth
   * between the two samples in the runs measured so far (the RSS target's miss).
   */
  youngGenerationPhysical: number;
  /**
   * Bytes V8 has reserved for its young generation (`new_space` `space_size`, its capacity). V8 grows it in
   * steps (up to `--max-semi-space-size`) when enough bytes survive its scavenges. It bounds the physical
   * size above, so that growth stops at the capacity unless V8 raises the capacity.
   */
  youngGenerationCapacity: number;
}

const [name, baseUrl, totalArg] = process.argv.slice(2);
const total = Number(totalArg ?? 10_000);
if (name === undefined || baseUrl === undefined || typeof globalThis.gc !== "function") {
  console.error("usage: node --expose-gc --import tsx src/memory-probe.ts <contender> <baseUrl> [calls]");
  process.exit(2);
}
const gc = globalThis.gc;
const url: string = baseUrl;

/**
 * Each contender's setup. Every one imports only its own modules (dynamic imports), so the process holds
 * one contender's code: loading the others would grow V8's heap and young generation at start-up, which
 * changes how much of it the calls then touch (see `youngGenerationPhysical`).
 */
const contenders: Record<string, () => Promise<JobCall>> = {
  "atlas-export": async () =>
    (await import("./atlas-export-digest-contender.js")).atlasExportDigestContender.create(url),
  "digest-fetch 3.1.1": async () =>
    (await import("./digest-fetch-contender.js")).digestFetchContender.create(url),
  "mongodb-atlas-api-client 4.19.0": async () =>
    (await import("./mongodb-atlas-api-client-contender.js")).mongodbAtlasApiClientContender.create(url),
  "atlas-export (service account)": async () => {
    const { createAtlasClient, serviceAccountAuth } = await import("@atlas-export/client");
    const atlas = createAtlasClient({
      baseUrl: url,
      auth: serviceAccountAuth({
        clientId: benchCredentials.clientId,
        clientSecret: benchCredentials.clientSecret,
      }),
    });
    return () => atlas.getBackupExportJob(exampleJobParams).then(() => true);
  },
  "bare fetch (bearer)": async () => {
    const headers = { Authorization: `Bearer ${await benchToken()}`, Accept: exampleMediaType };
    const jobUrl = url + exampleJobPath;
    return async () => {
      const response = await fetch(jobUrl, { headers });
      await response.json();
      return response.ok;
    };
  },
  "bare node:http (bearer)": async () => {
    const headers = { Authorization: `Bearer ${await benchToken()}`, Accept: exampleMediaType };
    const jobUrl = url + exampleJobPath;
    // Node's global agent, as the client's default transport uses.
    return async () => (await bareNodeHttpGet(jobUrl, headers)).status === 200;
  },
};

function benchToken(): Promise<string> {
  return mintToken(`${url}/api/oauth/token`, benchCredentials.clientId, benchCredentials.clientSecret);
}

async function makeCall(): Promise<JobCall> {
  const setUp = contenders[name as string];
  if (setUp === undefined)
    throw new Error(`@atlas-export/bench: memory-probe has no contender named ${name}`);
  return setUp();
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
  const spaces = getHeapSpaceStatistics();
  const newSpace = spaces.find((space) => space.space_name === "new_space");
  return {
    heapUsed,
    rss,
    v8Physical: spaces.reduce((sum, space) => sum + space.physical_space_size, 0),
    youngGenerationPhysical: newSpace?.physical_space_size ?? 0,
    youngGenerationCapacity: newSpace?.space_size ?? 0,
  };
}

/** One line naming the error and its cause (fetch puts the network error there), for the bench's table. */
function oneLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const causeText =
    cause instanceof Error ? `${cause.name}: ${cause.message}` : cause === undefined ? "" : String(cause);
  return `${error.name}: ${error.message}${causeText === "" ? "" : ` (cause: ${causeText})`}`;
}

try {
  const call = await makeCall();
  let failed = 0;
  for (let i = 0; i < 100; i += 1) if (!(await call())) failed += 1;
  const after100 = await sample();
  for (let i = 100; i < total; i += 1) if (!(await call())) failed += 1;
  const afterAll = await sample();
  process.stdout.write(JSON.stringify({ after100, afterAll, failed }));
} catch (error) {
  // The stack goes first; the last line is the short reason the bench shows in its table.
  console.error(error);
  console.error(oneLine(error));
  process.exit(1);
}
