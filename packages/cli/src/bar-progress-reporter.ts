import type { BackupExportJob } from "@atlas-export/types";
import cliProgress from "cli-progress";
import { formatElapsed } from "./format-elapsed.js";
import type { ProgressReporter, ReporterOptions } from "./progress-reporter.js";
import { readCollectionCounts } from "./read-collection-counts.js";
import { readJobState } from "./read-job-state.js";

const MAX_BAR = 30;
const MIN_BAR = 10;

interface BarPayload {
  state: string;
  counted: boolean;
}

/**
 * A live progress bar for terminals, drawn by cli-progress: the bar, the state, exported/total
 * collections and the time since watching began (redrawn every second so the clock ticks between polls).
 */
export function createBarProgressReporter({ stream, now = Date.now }: ReporterOptions): ProgressReporter {
  const startedAt = now();
  const bar = new cliProgress.SingleBar({
    stream,
    fps: 4,
    hideCursor: true,
    emptyOnZero: true,
    barsize: MAX_BAR,
    barCompleteChar: "█",
    barIncompleteChar: "░",
    format: (options, params, payload: BarPayload) => {
      const counts = payload.counted ? `${params.value}/${params.total} collections` : "counting collections";
      const percent = `${Math.floor(params.progress * 100)}%`.padStart(4);
      const text = `${percent} | ${payload.state.padEnd(10)} | ${counts} | elapsed ${formatElapsed(now() - startedAt)}`;
      // cli-progress cuts lines at the terminal width: shrink the bar, not the text, on narrow terminals.
      const barsize = Math.max(MIN_BAR, Math.min(MAX_BAR, params.maxWidth - text.length - 1));
      return `${cliProgress.Format.BarFormat(params.progress, { ...options, barsize })} ${text}`;
    },
  });
  let started = false;

  return {
    update(job: BackupExportJob) {
      const { exported: value, total } = readCollectionCounts(job);
      const payload: BarPayload = { state: readJobState(job).label, counted: total !== undefined };
      if (!started) {
        bar.start(total ?? 0, value, payload);
        started = true;
        return;
      }
      if (total !== undefined) bar.setTotal(total);
      bar.update(value, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
