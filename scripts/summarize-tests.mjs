#!/usr/bin/env node
// Adds up vitest's "Tests  N passed (M)" lines from a `turbo run test` log (turbo replays them from its
// cache too) and prints one closing line, "tests: N passed, F failed", that any CI log reader understands.
// Exits 1 when the log holds no test summary at all: a run that tested nothing is not a green run.
import { readFileSync } from "node:fs";

const [logPath] = process.argv.slice(2);
if (!logPath) {
  console.error("usage: node scripts/summarize-tests.mjs <turbo-test-log>");
  process.exit(2);
}
// eslint-disable-next-line no-control-regex -- vitest colours its summary with ANSI escapes.
const text = readFileSync(logPath, "utf8").replace(/\x1b\[[0-9;]*m/g, "");
let passed = 0;
let failed = 0;
let skipped = 0;
let summaries = 0;
for (const line of text.split("\n")) {
  const match = /^\S*\s+Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (!match) continue;
  summaries += 1;
  for (const [, count, kind] of match[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
    if (kind === "passed") passed += Number(count);
    else if (kind === "failed") failed += Number(count);
    else skipped += Number(count);
  }
}
if (summaries === 0) {
  console.error(`summarize-tests: no vitest summary in ${logPath}; did any test run?`);
  process.exit(1);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
