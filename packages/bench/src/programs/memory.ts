import { join } from "node:path";
import { verdict, type BenchRow, type BenchSection } from "../bench-section.js";
import { startCountingAtlas } from "../counting-atlas.js";
import { figure } from "../figure.js";
import type { ContenderName } from "../job-calls.js";
import { median } from "../median.js";
import type { MemoryProbe, MemorySample } from "../memory-probe.js";
import { repoPaths } from "../repo-paths.js";
import { timeCommand } from "../time-command.js";

const calls = 10_000;
/** One process's RSS growth moves by a few MB from run to run (what V8 and the allocator keep). */
const rounds = 5;
const marginBytes = 2 * 1024 * 1024;
const baseline: ContenderName = "bare openapi-fetch (static bearer middleware)";
const ours: ContenderName[] = ["atlas-export (digest)", "atlas-export (service account)"];

/** One memory probe (memory-probe.ts) in a fresh process, so each contender's code is alone in it. */
async function runProbe(serverUrl: string, name: ContenderName): Promise<MemoryProbe> {
  const probe = join(repoPaths.bench, "src/memory-probe.ts");
  const args = ["--expose-gc", "--import", "tsx", probe, name, serverUrl, String(calls)];
  const { stdout } = await timeCommand(process.execPath, args, { cwd: repoPaths.bench });
  return JSON.parse(stdout) as MemoryProbe;
}

/** Row 5: heap and RSS growth over 10,000 calls, next to bare openapi-fetch's in the same run. */
export async function benchMemory(): Promise<BenchSection> {
  const server = await startCountingAtlas();
  const probes = new Map<ContenderName, MemoryProbe[]>();
  try {
    // Rounds that take turns, so a burst of load on the shared machine falls on every contender alike.
    for (let round = 0; round < rounds; round += 1) {
      for (const name of [baseline, ...ours]) {
        probes.set(name, [...(probes.get(name) ?? []), await runProbe(server.url, name)]);
      }
    }
  } finally {
    await server.close();
  }
  const growth = (name: ContenderName, key: keyof MemorySample) =>
    median((probes.get(name) ?? []).map((probe) => probe.afterAll[key] - probe.after100[key]));
  const failed = (name: ContenderName) =>
    (probes.get(name) ?? []).reduce((sum, probe) => sum + probe.failed, 0);
  const signed = (bytes: number) => `${bytes >= 0 ? "+" : ""}${figure.bytes(bytes)}`;
  const rows = (["rss", "heapUsed"] as const).flatMap((key) =>
    ours.map((name): BenchRow => {
      const limit = growth(baseline, key) + marginBytes;
      return {
        measure: `${key === "rss" ? "RSS" : "Heap used"} growth over ${figure.count(calls)} calls, ${name}`,
        atlasExport: signed(growth(name, key)),
        peer: `${baseline}, same run`,
        peerFigure: signed(growth(baseline, key)),
        ratio: "",
        target: `≤ peer + ${figure.bytes(marginBytes)}, 0 failed`,
        verdict: verdict(growth(name, key) <= limit && failed(name) === 0),
        headline: name === ours[0],
      };
    }),
  );
  return {
    id: 5,
    title: "Memory",
    rows,
    method: [
      `Each contender alone in a fresh \`node --expose-gc\` process against one loopback server: 100 calls, five full GCs, a sample of \`process.memoryUsage()\`; ${figure.count(calls)} more calls, the same again.`,
      `Growth is the second sample less the first; ${rounds} processes per contender, taking turns, and the median growth of each. Failed calls: ${[baseline, ...ours].map((name) => `${name} ${failed(name)}`).join(", ")}.`,
    ],
  };
}
