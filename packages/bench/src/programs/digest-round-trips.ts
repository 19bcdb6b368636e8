import { performance } from "node:perf_hooks";
import type { BenchRow, BenchSection } from "../bench-section.js";
import { verdict } from "../bench-section.js";
import { startCountingAtlas, type CountingAtlas } from "../counting-atlas.js";
import { figure } from "../figure.js";
import { createJobCall, type ContenderName } from "../job-calls.js";
import { median } from "../median.js";

const roundTripMs = 20;
const callsPerTrial = 200;
const trials = 3;
const throughputTarget = 1.8;
const requestsPerCallTarget = 1.01;
/** Atlas's rate limits keep real concurrency low; hundreds of callers would measure this machine's CPU. */
const modes = [
  { callers: 1, label: `${callsPerTrial} sequential, ${roundTripMs} ms round trip` },
  { callers: 10, label: `10 callers × ${callsPerTrial / 10}, ${roundTripMs} ms round trip` },
];
const ours: ContenderName = "atlas-export (digest)";
const challengePerCall: ContenderName = "mongodb-atlas-api-client 4.19.0";
const nonceReuse: ContenderName = "digest-fetch 3.1.1";
const replayCallers = 200;
const replayRounds = 5;

interface Trial {
  calls: number;
  requests: number;
  replays: number;
  failed: number;
  callsPerSecond: number;
}

/** `callers` concurrent loops on one fresh client, `calls / callers` calls each, as counted by the server. */
async function runTrial(server: CountingAtlas, name: ContenderName, callers: number, calls: number) {
  const call = await createJobCall(name, server.url);
  server.resetStats();
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let i = 0; i < calls / callers; i += 1) if (!(await call())) failed += 1;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const { requests, replays } = server.stats;
  return { calls, requests, replays, failed, callsPerSecond: calls / seconds } satisfies Trial;
}

/** Requests per call over all trials, replays and failed calls summed, calls per second of the median trial. */
function total(list: readonly Trial[]) {
  const sum = (key: keyof Trial) => list.reduce((acc, trial) => acc + trial[key], 0);
  return {
    requestsPerCall: sum("requests") / sum("calls"),
    replaysAndFailed: `${figure.count(sum("replays"))} (${figure.count(sum("failed"))})`,
    clean: sum("replays") === 0 && sum("failed") === 0,
    callsPerSecond: median(list.map((trial) => trial.callsPerSecond)),
  };
}

/** Row 1: digest clients over a simulated network round trip: requests per call, replays, throughput. */
export async function benchDigestRoundTrips(): Promise<BenchSection> {
  const loopback = await startCountingAtlas();
  const distant = await startCountingAtlas({ latencyMs: roundTripMs });
  const rows: BenchRow[] = [];
  try {
    // Warm-up on loopback (JIT, connection pools), then the correctness row there.
    for (const name of [ours, challengePerCall, nonceReuse]) {
      await runTrial(loopback, name, 1, 100);
    }
    const replayTrials = new Map<ContenderName, Trial[]>();
    for (const name of [ours, nonceReuse]) {
      const call = await createJobCall(name, loopback.url);
      loopback.resetStats();
      let failed = 0;
      for (let round = 0; round < replayRounds; round += 1) {
        const results = await Promise.all(Array.from({ length: replayCallers }, () => call()));
        failed += results.filter((ok) => !ok).length;
      }
      const { requests, replays } = loopback.stats;
      const calls = replayCallers * replayRounds;
      replayTrials.set(name, [{ calls, requests, replays, failed, callsPerSecond: 0 }]);
    }

    for (const { callers, label } of modes) {
      const results = new Map<ContenderName, Trial[]>();
      // Trials interleave the contenders, so a burst of load on the shared machine hits all of them alike.
      for (let trial = 0; trial < trials; trial += 1) {
        for (const name of [ours, challengePerCall, nonceReuse]) {
          results.set(name, [
            ...(results.get(name) ?? []),
            await runTrial(distant, name, callers, callsPerTrial),
          ]);
        }
      }
      const mine = total(results.get(ours) ?? []);
      const slow = total(results.get(challengePerCall) ?? []);
      const reuse = total(results.get(nonceReuse) ?? []);
      rows.push(
        {
          measure: `HTTP requests per call, ${label}`,
          atlasExport: figure.count(mine.requestsPerCall, 3),
          peer: challengePerCall,
          peerFigure: figure.count(slow.requestsPerCall, 3),
          ratio: figure.ratio(mine.requestsPerCall / slow.requestsPerCall),
          target: `≤ ${requestsPerCallTarget}`,
          verdict: verdict(mine.requestsPerCall <= requestsPerCallTarget),
          headline: callers === 1,
        },
        {
          measure: `Replay rejections (failed calls), ${label}`,
          atlasExport: mine.replaysAndFailed,
          peer: nonceReuse,
          peerFigure: reuse.replaysAndFailed,
          ratio: "",
          target: "0 (0)",
          verdict: verdict(mine.clean),
        },
        ...[slow, reuse].map((peer, index): BenchRow => {
          const ratio = mine.callsPerSecond / peer.callsPerSecond;
          const targeted = index === 0;
          return {
            measure: `Calls per second, ${label}`,
            atlasExport: figure.count(mine.callsPerSecond, 1),
            peer: targeted ? challengePerCall : nonceReuse,
            peerFigure: figure.count(peer.callsPerSecond, 1),
            ratio: figure.ratio(ratio),
            target: targeted ? `≥ ${throughputTarget}×` : "no target (no challenge per call either)",
            verdict: targeted ? verdict(ratio >= throughputTarget) : "info",
            headline: targeted,
          };
        }),
      );
    }
    const mine = total(replayTrials.get(ours) ?? []);
    const reuse = total(replayTrials.get(nonceReuse) ?? []);
    rows.push({
      measure: `Replay rejections (failed calls), ${replayCallers} concurrent × ${replayRounds}, loopback`,
      atlasExport: mine.replaysAndFailed,
      peer: nonceReuse,
      peerFigure: reuse.replaysAndFailed,
      ratio: "",
      target: "0 (0)",
      verdict: verdict(mine.clean),
      headline: true,
    });
  } finally {
    await Promise.all([loopback.close(), distant.close()]);
  }
  return {
    id: 1,
    title: "Digest round trips and throughput",
    rows,
    method: [
      `A digest server in packages/bench (MD5, qop=auth, rejects a reused \`nc\` as a replay, RFC 7616 §3.4) waits ${roundTripMs} ms before every answer, as a distant region would; it counts what reaches it.`,
      `${trials} interleaved trials per mode and contender, each on a fresh client (its first challenge counted); calls/s is the median trial, requests per call and replays are over all trials.`,
      `Correctness: ${replayCallers} calls at once × ${replayRounds} on loopback. mongodb-atlas-api-client has no export-job method; it GETs a snapshot under the same cluster, the same one round trip.`,
    ],
  };
}
