import type { BackupExportJob } from "@atlas-export/types";

/** Shows a watched job's progress: called with every polled job, then stopped once. */
export interface ProgressReporter {
  update(job: BackupExportJob): void;
  stop(): void;
}

/** A stream the reporters write to; `isTTY`/`columns` are how cli-progress sizes the bar. */
export interface ReporterStream extends NodeJS.WritableStream {
  isTTY?: boolean;
  columns?: number;
}

export interface ReporterOptions {
  stream: ReporterStream;
  /** Milliseconds clock for the elapsed time; injectable so tests need no real waiting. */
  now?: () => number;
}
