import { performance } from "node:perf_hooks";
import FakeTimers from "@sinonjs/fake-timers";
import {
  createAtlasClient,
  serviceAccountAuth,
  type WaitForBackupExportJobOptions,
} from "@atlas-export/client";
import { startMockAtlas } from "@atlas-export/mock-server";
import { verdict, type BenchRow, type BenchSection } from "../bench-section.js";
import { benchCredentials } from "../bench-credentials.js";
import { exampleJobParams, exampleJobPath } from "../example-job.js";
import { figure } from "../figure.js";

const queuedMs = 60_000;
const runningMs = 14 * 60_000;
const exportMs = queuedMs + runningMs;
const cliIntervalMs = 4000;
const requestTarget = 60;
const noticeTargetMs = 30_000;
const start = Date.parse("2026-01-05T08:00:00Z");
const { clientId, clientSecret } = benchCredentials;

/** HTTP requests the emulator received (polls of the job among them); simulated time from finishedAt to the resolve. */
interface Follow {
  requests: number;
  polls: number;
  noticedAfterMs: number;
}

/** Lets real I/O and every queued callback run: one macrotask turn that the fake clock does not own. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Follows one 15-minute export (1 min Queued, 14 min InProgress) on the emulator with a fake clock. The
 * clock only moves when no request is on the wire, so nothing but the polling pauses are skipped.
 */
async function follow(waitOptions: WaitForBackupExportJobOptions): Promise<Follow> {
  const clock = FakeTimers.install({
    toFake: ["Date", "setTimeout", "clearTimeout"],
    now: start,
    // undici arms native timers of its own before the install and clears them later.
    shouldClearNativeTimers: true,
  });
  const mock = await startMockAtlas({
    serviceAccounts: [{ clientId, clientSecret }],
    jobs: [{ ...exampleJobParams, createdAt: start, queuedMs, durationMs: runningMs, totalCollections: 42 }],
    // The emulator reads the (fake) Date at call time.
    clock: { now: () => Date.now() },
  });
  let inFlight = 0;
  try {
    const atlas = createAtlasClient({
      baseUrl: mock.url,
      auth: serviceAccountAuth({ clientId, clientSecret }),
      // Reads each body before handing it back, so "nothing in flight" means no I/O is pending at all.
      fetch: async (request) => {
        inFlight += 1;
        try {
          const response = await fetch(request);
          const body = await response.arrayBuffer();
          return new Response(body, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
          });
        } finally {
          inFlight -= 1;
        }
      },
    });
    let outcome: { finishedAt: string | undefined; at: number } | { error: unknown } | undefined;
    atlas.waitForBackupExportJob(exampleJobParams, waitOptions).then(
      (job) => (outcome = { finishedAt: job.finishedAt, at: Date.now() }),
      (error: unknown) => (outcome = { error }),
    );
    let quietTurns = 0;
    // performance.now() is not faked: a guard against a client whose waiting this driver cannot advance.
    const givingUpAt = performance.now() + 60_000;
    while (outcome === undefined) {
      if (performance.now() > givingUpAt) {
        throw new Error(
          "@atlas-export/bench: waitForBackupExportJob did not settle within 60 s of real time",
        );
      }
      await turn();
      quietTurns = inFlight === 0 ? quietTurns + 1 : 0;
      // Two quiet turns in a row: the client is asleep between polls, so skip to its next timer.
      if (outcome === undefined && quietTurns >= 2) {
        clock.next();
        quietTurns = 0;
      }
    }
    if ("error" in outcome) throw outcome.error;
    const finishedAt = outcome.finishedAt === undefined ? start + exportMs : Date.parse(outcome.finishedAt);
    await atlas.close();
    return {
      requests: mock.stats.requests,
      polls: mock.stats.byPath[exampleJobPath] ?? 0,
      noticedAfterMs: outcome.at - finishedAt,
    };
  } finally {
    clock.uninstall();
    await mock.close();
  }
}

/** Row 4: requests to follow a 15-minute export, adaptive polling vs the Atlas CLI's fixed 4 s. */
export async function benchWaiting(): Promise<BenchSection> {
  const ours = await follow({});
  const cli = await follow({ pollIntervalMs: cliIntervalMs, maxPollIntervalMs: cliIntervalMs });
  const rows: BenchRow[] = [
    {
      measure: "HTTP requests to follow a 15-minute export (polls)",
      atlasExport: `${figure.count(ours.requests)} (${figure.count(ours.polls)})`,
      peer: "Atlas CLI `watch` policy: fixed 4 s (225 polls), simulated",
      peerFigure: `${figure.count(cli.requests)} (${figure.count(cli.polls)})`,
      ratio: figure.ratio(ours.requests / cli.requests),
      target: `≤ ${requestTarget}`,
      verdict: verdict(ours.requests <= requestTarget),
      headline: true,
    },
    {
      measure: "Completion noticed after the job finished",
      atlasExport: figure.duration(ours.noticedAfterMs),
      peer: "Atlas CLI `watch` policy: fixed 4 s, simulated",
      peerFigure: figure.duration(cli.noticedAfterMs),
      ratio: "",
      target: `≤ ${figure.duration(noticeTargetMs)}`,
      verdict: verdict(ours.noticedAfterMs <= noticeTargetMs),
      headline: true,
    },
  ];
  return {
    id: 4,
    title: "Waiting",
    rows,
    method: [
      "`waitForBackupExportJob` with its defaults against @atlas-export/mock-server holding a job Queued for 1 min, then InProgress for 14 min; requests include the token request and the revoke at `close()`.",
      "The emulator and the client's timers share one fake clock (@sinonjs/fake-timers), advanced only while no request is on the wire. The Atlas CLI's `watch` (fixed 4 s) is the same client with a fixed 4 s interval.",
    ],
  };
}
