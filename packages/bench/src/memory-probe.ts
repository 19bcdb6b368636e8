// Child process of benchmark 5 (run with --expose-gc): one contender, alone in this process, calls the server
// whose URL it is given; prints heap used and RSS after 100 calls and after `calls` more, as JSON.
import { createJobCall, isContenderName } from "./job-calls.js";

export interface MemorySample {
  /** Bytes of live JavaScript objects after full GCs: the figure for leaks. */
  heapUsed: number;
  /** Resident set size of the whole process: what the machine pays. */
  rss: number;
}

export interface MemoryProbe {
  after100: MemorySample;
  afterAll: MemorySample;
  failed: number;
}

/**
 * Full collections with 20 ms of event loop between them: WeakRefs are cleared and FinalizationRegistry
 * callbacks (undici uses one for response bodies) run only after a task turn, so one gc() is not enough.
 */
async function sample(gc: () => void): Promise<MemorySample> {
  for (let i = 0; i < 5; i += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

const [name = "", baseUrl, callsArg] = process.argv.slice(2);
const gc = globalThis.gc;
if (!isContenderName(name) || baseUrl === undefined || gc === undefined) {
  console.error("usage: node --expose-gc --import tsx src/memory-probe.ts <contender> <baseUrl> <calls>");
  process.exit(2);
}
const call = await createJobCall(name, baseUrl);
let failed = 0;
for (let i = 0; i < 100; i += 1) if (!(await call())) failed += 1;
const after100 = await sample(gc);
for (let i = 0; i < Number(callsArg); i += 1) if (!(await call())) failed += 1;
const afterAll = await sample(gc);
process.stdout.write(JSON.stringify({ after100, afterAll, failed } satisfies MemoryProbe));
