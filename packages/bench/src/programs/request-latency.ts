import { performance } from "node:perf_hooks";
import { verdict, type BenchSection } from "../bench-section.js";
import { startCountingAtlas } from "../counting-atlas.js";
import { figure } from "../figure.js";
import { createJobCall, type ContenderName, type JobCall } from "../job-calls.js";
import { median } from "../median.js";
import { quantile } from "../quantile.js";

const calls = 2000;
const blockSize = 100;
const warmUpCalls = 300;
const latencyTarget = 1.2;
const ours: ContenderName = "atlas-export (service account)";
const baseline: ContenderName = "bare openapi-fetch (static bearer middleware)";
const contenders: ContenderName[] = [ours, baseline, "bare fetch (bearer)"];

/** Row 2: what the client adds to one bearer call on loopback, next to bare openapi-fetch and bare fetch. */
export async function benchRequestLatency(): Promise<BenchSection> {
  const server = await startCountingAtlas();
  const samples = new Map<ContenderName, number[]>(contenders.map((name) => [name, []]));
  try {
    const clients = new Map<ContenderName, JobCall>();
    for (const name of contenders) {
      const call = await createJobCall(name, server.url);
      for (let i = 0; i < warmUpCalls; i += 1) await call();
      clients.set(name, call);
    }
    // Blocks of 100 calls that rotate which contender goes first, so drifts in load spread evenly.
    for (let block = 0; block < calls / blockSize; block += 1) {
      for (let turn = 0; turn < contenders.length; turn += 1) {
        const name = contenders[(block + turn) % contenders.length]!;
        const call = clients.get(name)!;
        for (let i = 0; i < blockSize; i += 1) {
          const started = performance.now();
          if (!(await call())) throw new Error(`@atlas-export/bench: a call of ${name} failed`);
          samples.get(name)!.push(performance.now() - started);
        }
      }
    }
  } finally {
    await server.close();
  }
  const medianOf = (name: ContenderName) => median(samples.get(name) ?? []);
  const shown = (name: ContenderName) =>
    `${figure.duration(medianOf(name))} (${figure.duration(quantile(samples.get(name) ?? [], 0.95))})`;
  return {
    id: 2,
    title: "Request latency",
    rows: contenders.slice(1).map((peer) => {
      const ratio = medianOf(ours) / medianOf(peer);
      return {
        measure: `Median (p95) latency of one getBackupExportJob, ${figure.count(calls)} sequential, loopback`,
        atlasExport: shown(ours),
        peer,
        peerFigure: shown(peer),
        ratio: figure.ratio(ratio),
        target: peer === baseline ? `≤ ${latencyTarget.toFixed(2)}×` : "no target",
        verdict: peer === baseline ? verdict(ratio <= latencyTarget) : "info",
        headline: peer === baseline,
      };
    }),
    method: [
      `${figure.count(calls)} calls per contender, one at a time, each timed alone, against one loopback server in this process, in blocks of ${blockSize} that rotate the order; ${warmUpCalls} warm-up calls each.`,
      "atlas-export: `createAtlasClient` + `serviceAccountAuth`, defaults. Bare openapi-fetch: `createClient<paths>()` with `Accept` and one middleware setting `Authorization: Bearer <token>`. Bare fetch: `fetch` + `json()`.",
    ],
  };
}
