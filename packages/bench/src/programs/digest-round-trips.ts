import { performance } from "node:perf_hooks";
import { verdict, type BenchRow, type BenchSection } from "../bench-section.js";
import { startCountingAtlas, type CountingAtlas } from "../counting-atlas.js";
import { figure } from "../figure.js";
import { createJobCall, type ContenderName } from "../job-calls.js";
import { median } from "../median.js";

const roundTripMs = 20;
const trials = 3;
const throughputTarget = 1.8;
const requestsPerCallTarget = 1.01;
const ours: ContenderName = "atlas-export (digest)";
const challengePerCall: ContenderName = "mongodb-atlas-api-client 4.19.0";
const nonceReuse: ContenderName = "digest-fetch 3.1.1";

interface Totals {
  requestsPerCall: number;
  replays: number;
  failed: number;
  /** Of the median trial. */
  callsPerSecond: number;
}

/**
 * `trials` rounds in which each contender, on a fresh client (its first challenge counted), makes `calls`
 * calls in waves of `callers` at once; the rounds interleave the contenders, so a burst of load on the
 * shared machine hits all of them alike. Requests and replays are what the server counted.
 */
async function measure(
  server: CountingAtlas,
  names: ContenderName[],
  callers: number,
  calls = 200,
  rounds = trials,
) {
  const runs = new Map<
    ContenderName,
    { requests: number; replays: number; failed: number; perSecond: number }[]
  >();
  for (let round = 0; round < rounds; round += 1) {
    for (const name of names) {
      const call = await createJobCall(name, server.url);
      server.resetStats();
      let failed = 0;
      const started = performance.now();
      // Waves of `callers` calls at once: the first wave shares the first challenge, later ones the nonce.
      for (let wave = 0; wave < calls / callers; wave += 1) {
        const results = await Promise.all(Array.from({ length: callers }, () => call()));
        failed += results.filter((ok) => !ok).length;
      }
      const perSecond = calls / ((performance.now() - started) / 1000);
      runs.set(name, [...(runs.get(name) ?? []), { ...server.stats, failed, perSecond }]);
    }
  }
  return (name: ContenderName): Totals => {
    const list = runs.get(name) ?? [];
    const sum = (key: "requests" | "replays" | "failed") => list.reduce((total, run) => total + run[key], 0);
    return {
      requestsPerCall: sum("requests") / (calls * list.length),
      replays: sum("replays"),
      failed: sum("failed"),
      callsPerSecond: median(list.map((run) => run.perSecond)),
    };
  };
}

/** "0 (0)": replay rejections and, in brackets, calls that failed. */
const replaysAndFailed = ({ replays, failed }: Totals) =>
  `${figure.count(replays)} (${figure.count(failed)})`;

function replayRow(label: string, mine: Totals, reuse: Totals, headline: boolean): BenchRow {
  return {
    measure: `Replay rejections (failed calls), ${label}`,
    atlasExport: replaysAndFailed(mine),
    peer: nonceReuse,
    peerFigure: replaysAndFailed(reuse),
    ratio: "",
    target: "0 (0)",
    verdict: verdict(mine.replays === 0 && mine.failed === 0),
    headline,
  };
}

/** Row 1: digest clients over a simulated network round trip: requests per call, replays, throughput. */
export async function benchDigestRoundTrips(): Promise<BenchSection> {
  const loopback = await startCountingAtlas();
  const distant = await startCountingAtlas({ latencyMs: roundTripMs });
  const rows: BenchRow[] = [];
  try {
    // One untimed round warms every contender up (JIT, connection pools).
    await measure(loopback, [ours, challengePerCall, nonceReuse], 1, 200, 1);
    // Atlas's rate limits keep real concurrency low; hundreds of callers would measure this machine's CPU.
    for (const callers of [1, 10]) {
      const label = `${callers === 1 ? "200 sequential" : `${200 / callers} waves of ${callers} callers`}, ${roundTripMs} ms round trip`;
      const totals = await measure(distant, [ours, challengePerCall, nonceReuse], callers);
      const mine = totals(ours);
      rows.push(
        {
          measure: `HTTP requests per call, ${label}`,
          atlasExport: figure.count(mine.requestsPerCall, 3),
          peer: challengePerCall,
          peerFigure: figure.count(totals(challengePerCall).requestsPerCall, 3),
          ratio: figure.ratio(mine.requestsPerCall / totals(challengePerCall).requestsPerCall),
          target: `≤ ${requestsPerCallTarget}`,
          verdict: verdict(mine.requestsPerCall <= requestsPerCallTarget),
          headline: callers === 1,
        },
        replayRow(label, mine, totals(nonceReuse), false),
        ...[challengePerCall, nonceReuse].map((peer): BenchRow => {
          const ratio = mine.callsPerSecond / totals(peer).callsPerSecond;
          return {
            measure: `Calls per second, ${label}`,
            atlasExport: figure.count(mine.callsPerSecond, 1),
            peer,
            peerFigure: figure.count(totals(peer).callsPerSecond, 1),
            ratio: figure.ratio(ratio),
            target: peer === challengePerCall ? `≥ ${throughputTarget}×` : "no target (it reuses nonces too)",
            verdict: peer === challengePerCall ? verdict(ratio >= throughputTarget) : "info",
            headline: peer === challengePerCall,
          };
        }),
      );
    }
    // Correctness under many concurrent first calls: on loopback, where they overlap the most.
    const crowd = await measure(loopback, [ours, nonceReuse], 200, 1000, 1);
    rows.push(replayRow("5 waves of 200 callers, loopback", crowd(ours), crowd(nonceReuse), true));
  } finally {
    await Promise.all([loopback.close(), distant.close()]);
  }
  return {
    id: 1,
    title: "Digest round trips and throughput",
    rows,
    method: [
      `A digest server in packages/bench (MD5, qop=auth, a reused \`nc\` is rejected as a replay, RFC 7616 §3.4) waits ${roundTripMs} ms before every answer, as a distant region would, and counts what reaches it.`,
      `${trials} interleaved rounds per mode, each contender on a fresh client (its first challenge counted); calls/s of the median round, requests and replays over all rounds. The crowd row: 5 waves of 200 calls at once on one client.`,
      "mongodb-atlas-api-client has no export-job method; it GETs a snapshot under the same cluster, the same single round trip.",
    ],
  };
}
