import { performance } from "node:perf_hooks";
import type { BenchRow, BenchSection } from "../bench-section.js";
import { startCountingAtlas, type CountingAtlas } from "../counting-atlas.js";
import { digestContenders, type DigestContender } from "../digest-contenders.js";
import { figure } from "../figure.js";
import { median } from "../median.js";

const sequentialCalls = 1000;
const concurrency = 200;
const concurrentRounds = 5;
const trials = 5;
const throughputTarget = 1.8;
const requestsPerCallTarget = 1.01;

type Mode = "sequential" | "concurrent";

interface Trial {
  calls: number;
  requests: number;
  replays: number;
  failed: number;
  callsPerSecond: number;
}

interface Totals {
  requestsPerCall: number;
  replays: number;
  failed: number;
  /** Median over the trials. */
  callsPerSecond: number;
}

/**
 * One trial: a fresh client (so the first challenge is counted, as a real program pays it), then either
 * 1,000 calls one after another or 5 rounds of 200 at once on that same long-lived client.
 */
async function runTrial(server: CountingAtlas, contender: DigestContender, mode: Mode): Promise<Trial> {
  const call = contender.create(server.url);
  server.resetStats();
  let failed = 0;
  let calls = 0;
  const started = performance.now();
  if (mode === "sequential") {
    for (; calls < sequentialCalls; calls += 1) if (!(await call())) failed += 1;
  } else {
    for (let round = 0; round < concurrentRounds; round += 1) {
      const results = await Promise.all(Array.from({ length: concurrency }, () => call()));
      failed += results.filter((ok) => !ok).length;
      calls += concurrency;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    calls,
    requests: server.stats.requests,
    replays: server.stats.replays,
    failed,
    callsPerSecond: calls / seconds,
  };
}

function total(results: readonly Trial[]): Totals {
  const calls = results.reduce((sum, r) => sum + r.calls, 0);
  return {
    requestsPerCall: results.reduce((sum, r) => sum + r.requests, 0) / calls,
    replays: results.reduce((sum, r) => sum + r.replays, 0) / results.length,
    failed: results.reduce((sum, r) => sum + r.failed, 0) / results.length,
    callsPerSecond: median(results.map((r) => r.callsPerSecond)),
  };
}

function modeLabel(mode: Mode): string {
  return mode === "sequential"
    ? `${figure.count(sequentialCalls)} sequential`
    : `${concurrency} concurrent × ${concurrentRounds}`;
}

/** Row 1: HTTP requests per call, replay rejections and throughput of digest clients on one server. */
export async function benchDigestRoundTrips(): Promise<BenchSection> {
  const server = await startCountingAtlas();
  const results = new Map<string, Trial[]>();
  const key = (contender: DigestContender, mode: Mode) => `${contender.name}/${mode}`;
  try {
    // Warm up every code path (JIT, connection pools) on throwaway clients before anything is measured.
    for (const contender of digestContenders) {
      const call = contender.create(server.url);
      for (let i = 0; i < 200; i += 1) await call();
    }
    // Trials interleave the contenders so a burst of load on a shared machine hits all of them alike.
    for (let trial = 0; trial < trials; trial += 1) {
      for (const mode of ["sequential", "concurrent"] as const) {
        for (const contender of digestContenders) {
          const list = results.get(key(contender, mode)) ?? [];
          list.push(await runTrial(server, contender, mode));
          results.set(key(contender, mode), list);
        }
      }
    }
  } finally {
    await server.close();
  }

  const rows: BenchRow[] = [];
  const [ours, ...peers] = digestContenders;
  if (ours === undefined) throw new Error("@atlas-export/bench: no digest contenders");
  for (const mode of ["sequential", "concurrent"] as const) {
    const mine = total(results.get(key(ours, mode)) ?? []);
    const label = modeLabel(mode);
    for (const peer of peers) {
      const theirs = total(results.get(key(peer, mode)) ?? []);
      rows.push({
        measure: `HTTP requests per call, ${label}`,
        atlasExport: figure.count(mine.requestsPerCall, 3),
        peer: peer.name,
        peerFigure: figure.count(theirs.requestsPerCall, 3),
        ratio: figure.ratio(mine.requestsPerCall / theirs.requestsPerCall),
        target: mode === "sequential" ? `≤ ${requestsPerCallTarget}` : "no target",
        verdict:
          mode === "sequential" ? (mine.requestsPerCall <= requestsPerCallTarget ? "met" : "missed") : "info",
        headline: mode === "sequential" && peer.challengePerCall,
      });
    }
    for (const peer of peers) {
      const theirs = total(results.get(key(peer, mode)) ?? []);
      rows.push({
        measure: `Replay rejections (failed calls), ${label}`,
        atlasExport: `${figure.count(mine.replays)} (${figure.count(mine.failed)})`,
        peer: peer.name,
        peerFigure: `${figure.count(theirs.replays)} (${figure.count(theirs.failed)})`,
        ratio: "",
        target: "0",
        verdict: mine.replays === 0 && mine.failed === 0 ? "met" : "missed",
        headline: mode === "concurrent" && !peer.challengePerCall,
      });
    }
    for (const peer of peers) {
      const theirs = total(results.get(key(peer, mode)) ?? []);
      const ratio = mine.callsPerSecond / theirs.callsPerSecond;
      rows.push({
        measure: `Calls per second, ${label}`,
        atlasExport: figure.count(mine.callsPerSecond),
        peer: peer.name,
        peerFigure: figure.count(theirs.callsPerSecond),
        ratio: figure.ratio(ratio),
        target: peer.challengePerCall ? `≥ ${throughputTarget}×` : "no target (no challenge per call)",
        verdict: peer.challengePerCall ? (ratio >= throughputTarget ? "met" : "missed") : "info",
        headline: mode === "sequential" && peer.challengePerCall,
      });
    }
  }
  return {
    id: 1,
    title: "Digest round trips and throughput",
    rows,
    notes: [
      "Server: a loopback digest server in packages/bench (MD5, qop=auth, realm MMS Public API, 300 s nonces) " +
        "that counts every request and rejects an `nc` already seen for its nonce as a replay (RFC 7616 §3.4), " +
        "answering with a fresh challenge. Every GET under /api/atlas/ returns the same job.",
      `Each contender runs ${trials} interleaved trials per mode, each on a fresh client so the first challenge ` +
        `is counted: ${figure.count(sequentialCalls)} calls one after another, or ${concurrentRounds} rounds of ` +
        `${concurrency} calls at once on one long-lived client. Requests per call are over all trials; replays and ` +
        "failed calls are per trial (mean); calls per second is the median trial. Everything was warmed up first.",
      "atlas-export runs with its defaults (`createAtlasClient` + `digestAuth`, retries on). digest-fetch wraps " +
        "Node's fetch; mongodb-atlas-api-client (urllib) has no export-job method, so it calls " +
        "`cloudBackup.getReplicaSetCloudBackup` — the same single GET under the same cluster.",
    ],
  };
}
