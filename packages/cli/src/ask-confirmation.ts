import { createInterface } from "node:readline/promises";
import { AtlasAbortError } from "@atlas-export/client";

/**
 * Asks a yes/no question on a terminal and resolves to whether the answer was yes (`y` or `yes`, any
 * case); anything else, an empty line or the end of input is no. The question goes to `output`
 * (stderr), so stdout keeps only results.
 */
export async function askConfirmation(
  question: string,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal?: AbortSignal },
): Promise<boolean> {
  const lines = createInterface({ input: io.input, output: io.output, terminal: false });
  try {
    const closed = new Promise<string>((resolve) => lines.once("close", () => resolve("")));
    const answer = await Promise.race([
      lines.question(`${question} [y/N] `, io.signal ? { signal: io.signal } : {}),
      closed,
    ]);
    return /^\s*y(es)?\s*$/i.test(answer);
  } catch (error) {
    // Ctrl-C while asking: the same ending as Ctrl-C during a request (exit 130 or 143).
    if (io.signal?.aborted)
      throw new AtlasAbortError("interrupted while asking for confirmation", { cause: error });
    throw error;
  } finally {
    lines.close();
  }
}
