import { Agent } from "node:http";
import { performance } from "node:perf_hooks";
import { ATLAS_MEDIA_TYPE, createAtlasClient, serviceAccountAuth } from "@atlas-export/client";
import type { paths } from "@atlas-export/types";
import createClient from "openapi-fetch";
import type { BenchSection } from "../bench-section.js";
import { bareNodeHttpGet } from "../bare-node-http-get.js";
import { benchCredentials } from "../bench-credentials.js";
import { startCountingAtlas } from "../counting-atlas.js";
import { exampleJobParams, exampleJobPath } from "../example-job.js";
import { figure } from "../figure.js";
import { median } from "../median.js";
import { mintToken } from "../mint-token.js";

const calls = 2000;
const blockSize = 100;
const warmUpCalls = 300;
const overheadTarget = 1.1;
const operationPath = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}";

interface Contender {
  name: string;
  call: () => Promise<unknown>;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

/** Row 2: what the client adds to one bearer-authenticated call, next to bare fetch and bare openapi-fetch. */
export async function benchRequestOverhead(): Promise<BenchSection> {
  const server = await startCountingAtlas();
  try {
    const { clientId, clientSecret } = benchCredentials;
    const token = await mintToken(`${server.url}/api/oauth/token`, clientId, clientSecret);
    const jobUrl = server.url + exampleJobPath;
    const headers = { Authorization: `Bearer ${token}`, Accept: ATLAS_MEDIA_TYPE };
    const bare = createClient<paths>({ baseUrl: server.url, headers });
    const atlas = createAtlasClient({
      baseUrl: server.url,
      auth: serviceAccountAuth({ clientId, clientSecret }),
    });
    // The same client sending through the `fetch` option: what the default node:http transport replaced.
    const atlasOverFetch = createAtlasClient({
      baseUrl: server.url,
      auth: serviceAccountAuth({ clientId, clientSecret }),
      fetch: (request) => globalThis.fetch(request),
    });
    const keepAlive = new Agent({ keepAlive: true });

    const contenders: Contender[] = [
      {
        name: "atlas-export",
        call: () => atlas.getBackupExportJob(exampleJobParams),
      },
      {
        name: "bare fetch",
        call: async () => {
          const response = await fetch(jobUrl, { headers });
          if (!response.ok) throw new Error(`bare fetch: ${response.status}`);
          return response.json();
        },
      },
      {
        name: "bare node:http GET (keep-alive agent)",
        call: async () => (await bareNodeHttpGet(jobUrl, headers, keepAlive)).body,
      },
      {
        name: "atlas-export with `fetch: globalThis.fetch`",
        call: () => atlasOverFetch.getBackupExportJob(exampleJobParams),
      },
      {
        name: "bare openapi-fetch 0.17.0",
        call: async () => {
          const { data, error } = await bare.GET(operationPath, { params: { path: exampleJobParams } });
          if (error !== undefined) throw new Error("bare openapi-fetch: error answer");
          return data;
        },
      },
    ];

    for (const contender of contenders) for (let i = 0; i < warmUpCalls; i += 1) await contender.call();
    const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
    // Blocks of 100 calls, rotating which contender goes first, so drifts in machine load spread evenly.
    for (let block = 0; block < calls / blockSize; block += 1) {
      for (let turn = 0; turn < contenders.length; turn += 1) {
        const contender = contenders[(block + turn) % contenders.length] as Contender;
        const list = samples.get(contender.name) as number[];
        for (let i = 0; i < blockSize; i += 1) {
          const started = performance.now();
          await contender.call();
          list.push(performance.now() - started);
        }
      }
    }
    const medianOf = (name: string) => median(samples.get(name) as number[]);
    const p95Of = (name: string) => percentile(samples.get(name) as number[], 0.95);
    const ours = medianOf("atlas-export");
    const rows = contenders.slice(1).map((peer) => {
      const ratio = ours / medianOf(peer.name);
      const isFetch = peer.name === "bare fetch";
      return {
        measure: `Median latency of one getBackupExportJob, ${figure.count(calls)} sequential (p95)`,
        atlasExport: `${figure.duration(ours)} (${figure.duration(p95Of("atlas-export"))})`,
        peer: peer.name,
        peerFigure: `${figure.duration(medianOf(peer.name))} (${figure.duration(p95Of(peer.name))})`,
        ratio: figure.ratio(ratio),
        target: isFetch ? `≤ ${overheadTarget.toFixed(2)}×` : "no target",
        verdict: isFetch
          ? ratio <= overheadTarget
            ? ("met" as const)
            : ("missed" as const)
          : ("info" as const),
        headline: isFetch,
      };
    });
    await atlas.close();
    await atlasOverFetch.close();
    keepAlive.destroy();
    return {
      id: 2,
      title: "Request overhead",
      rows,
      notes: [
        `${figure.count(calls)} calls per contender on one loopback server and one bearer token, in blocks of ` +
          `${blockSize} that rotate the order; each call is timed alone; ${figure.count(warmUpCalls)} warm-up ` +
          "calls each first. atlas-export: `createAtlasClient` + `serviceAccountAuth` with defaults (its node:http " +
          "transport, timeout, retries, User-Agent, redirect guard, media-type and error handling); the same " +
          "client is also run with `fetch: globalThis.fetch`, the path every call took before the node:http " +
          "transport. Bare fetch: `fetch` + `response.json()`. Bare node:http: `http.request` on a keep-alive " +
          "agent, the body concatenated and parsed, nothing else: the floor under the default transport. " +
          "Bare openapi-fetch: `createClient<paths>` with the same headers.",
        "The server runs in the same process as the clients, so its own cost is in every figure alike; the " +
          "ratio therefore understates the client-only difference.",
      ],
    };
  } finally {
    await server.close();
  }
}
