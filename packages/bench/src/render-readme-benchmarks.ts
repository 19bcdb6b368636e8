import { renderHeadline, renderMissed, type BenchRun } from "./render-results.js";

const HEADING = "## Benchmarks";
const WIDTH = 105;

/** Hard-wraps prose at word boundaries, as the README's other paragraphs are (prettier keeps the breaks). */
function wrap(text: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    // A line may not start with what Markdown reads as a list item, heading or quote.
    if (line !== "" && line.length + 1 + word.length > WIDTH && !/^([-+*#>]|\d+[.)])/.test(word)) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line].join("\n");
}

/**
 * The repository README with its `## Benchmarks` section (up to the next `## ` heading) rewritten from a
 * full run: the same headline table and missed-target sentence as RESULTS.md, so the two never disagree.
 * Throws if the README has no such section, rather than appending one somewhere unexpected.
 */
export function renderReadmeBenchmarks(readme: string, run: BenchRun): string {
  const start = readme.indexOf(`\n${HEADING}\n`);
  if (start === -1) throw new Error(`@atlas-export/bench: README.md has no "${HEADING}" section to update`);
  const next = readme.indexOf("\n## ", start + HEADING.length + 2);
  const end = next === -1 ? readme.length : next;
  const { machine } = run;
  const section = [
    HEADING,
    "",
    wrap(
      "`pnpm bench` (not part of `npm test`; a few minutes) measures atlas-export next to its peers in one " +
        "run, on the same servers (with a simulated network round trip where throughput is measured), and writes " +
        "[packages/bench/RESULTS.md](packages/bench/RESULTS.md) with the machine's description and how each " +
        "figure was taken; the same run rewrites the table below. Each row names the peer, the figure, the " +
        "ratio (atlas-export ÷ peer) and the target, so a regression shows at a glance. Headline of the run of " +
        `${run.startedAt.toISOString().slice(0, 10)} (${machine.cpu}, ${machine.cores} cores, load average at ` +
        `start / end ${machine.loadAverage} / ${run.loadAverageAtEnd}, Node.js ${machine.node}); timings move ` +
        "with the machine and its load, counts of requests and tokens do not:",
    ),
    "",
    renderHeadline(run.sections),
    "",
    wrap(
      renderMissed(run.sections) +
        " Missed targets stay in the table as missed; the figures are not tuned to pass.",
    ),
  ].join("\n");
  return `${readme.slice(0, start + 1)}${section}\n${readme.slice(end)}`;
}
