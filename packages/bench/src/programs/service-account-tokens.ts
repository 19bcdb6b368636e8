import FakeTimers from "@sinonjs/fake-timers";
import { verdict, type BenchRow, type BenchSection } from "../bench-section.js";
import { benchCredentials } from "../bench-credentials.js";
import { startCountingAtlas } from "../counting-atlas.js";
import { exampleJobPath, exampleMediaType } from "../example-job.js";
import { figure } from "../figure.js";
import { createJobCall } from "../job-calls.js";
import { mintToken } from "../mint-token.js";

const callers = 100;
const waves = 10;
const windowMs = 3 * 60 * 60 * 1000;
const tokenTarget = 3;
const start = Date.parse("2026-01-05T08:00:00Z");

interface Strategy {
  name: string;
  /** Makes one program's worth of state; the returned function is one call. */
  create(baseUrl: string): Promise<() => Promise<boolean>> | (() => Promise<boolean>);
}

function getJob(baseUrl: string, token: string): Promise<boolean> {
  return fetch(baseUrl + exampleJobPath, {
    headers: { Authorization: `Bearer ${token}`, Accept: exampleMediaType },
  }).then(async (response) => {
    await response.arrayBuffer();
    return response.ok;
  });
}

const { clientId, clientSecret } = benchCredentials;

const strategies: Strategy[] = [
  {
    name: "atlas-export",
    create: (baseUrl) => createJobCall("atlas-export (service account)", baseUrl),
  },
  {
    name: "naive: mint a token per call",
    create(baseUrl) {
      return async () =>
        getJob(baseUrl, await mintToken(`${baseUrl}/api/oauth/token`, clientId, clientSecret));
    },
  },
  {
    // GUIDE §5: mongodb-mcp-server caches the token in memory with no early refresh and no single flight.
    name: "mongodb-mcp-server-like cache (simulated: no early refresh, no single flight)",
    create(baseUrl) {
      let cached: { token: string; expiresAt: number } | undefined;
      return async () => {
        if (cached === undefined || Date.now() >= cached.expiresAt) {
          const token = await mintToken(`${baseUrl}/api/oauth/token`, clientId, clientSecret);
          cached = { token, expiresAt: Date.now() + 3600 * 1000 };
        }
        return getJob(baseUrl, cached.token);
      };
    },
  },
];

/**
 * Row 3: token requests for 1,000 calls from 100 concurrent callers over three simulated hours. Only `Date`
 * is faked (the client reads token expiry from `Date.now()`; the server too), so the HTTP traffic is real.
 */
export async function benchServiceAccountTokens(): Promise<BenchSection> {
  const server = await startCountingAtlas();
  const clock = FakeTimers.install({ toFake: ["Date"], now: start });
  const results: { name: string; tokens: number; failed: number }[] = [];
  try {
    for (const strategy of strategies) {
      clock.setSystemTime(start);
      server.resetStats();
      const call = await strategy.create(server.url);
      let failed = 0;
      for (let wave = 0; wave < waves; wave += 1) {
        // Waves sit in the middle of equal slices of the window: 9, 27, …, 171 minutes.
        clock.setSystemTime(start + ((wave + 0.5) * windowMs) / waves);
        const outcomes = await Promise.all(Array.from({ length: callers }, () => call()));
        failed += outcomes.filter((ok) => !ok).length;
      }
      results.push({
        name: strategy.name,
        tokens: server.stats.tokenRequests,
        failed,
      });
    }
  } finally {
    clock.uninstall();
    await server.close();
  }
  const [ours, ...peers] = results;
  if (ours === undefined) throw new Error("@atlas-export/bench: no token strategies ran");
  const rows: BenchRow[] = peers.map((peer, index) => ({
    measure: `Token requests for ${figure.count(callers * waves)} calls (failed calls)`,
    atlasExport: `${figure.count(ours.tokens)} (${figure.count(ours.failed)})`,
    peer: peer.name,
    peerFigure: `${figure.count(peer.tokens)} (${figure.count(peer.failed)})`,
    ratio: figure.ratio(ours.tokens / peer.tokens),
    target: `≤ ${tokenTarget} (one an hour), 0 failed`,
    verdict: verdict(ours.tokens <= tokenTarget && ours.failed === 0),
    headline: index === 0,
  }));
  return {
    id: 3,
    title: "Service-account tokens",
    rows,
    method: [
      `${waves} waves of ${callers} concurrent calls, one every ${windowMs / waves / 60_000} min, on a fake \`Date\` (@sinonjs/fake-timers; the client and the server read it, the HTTP traffic is real); tokens live 3600 s and an expired one is rejected.`,
      "Token requests are counted by the server. Atlas allows 10 token requests a minute and 100 live tokens per service account: the peers' counts would be answered 429/403 there.",
    ],
  };
}
