import { performance } from "node:perf_hooks";
import { join } from "node:path";
import ts from "typescript";

/**
 * Type-checks each project (name → folder with a tsconfig.json) with the TypeScript API in this process,
 * `rounds` times (every project once per round, in a fresh random order), and returns each project's times
 * in round order, so that times of the same round can be paired. One check is what `tsc --noEmit` does
 * after start-up: a fresh program, then every pre-emit diagnostic; any diagnostic is an error. The standard
 * library's files are parsed once and shared, as an editor or `tsc --watch` shares them: without Node's
 * start-up and that parse (~900 ms, ±100 ms from run to run), what a consumer's imports add stands out.
 */
export function inProcessCheckTimes(
  projects: Record<string, string>,
  rounds: number,
): Record<string, number[]> {
  const libFiles = new Map<string, ts.SourceFile>();
  const configs = Object.entries(projects).map(([name, dir]) => {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      join(dir, "tsconfig.json"),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(
            `@atlas-export/bench: ${name}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`,
          );
        },
      },
    );
    if (parsed === undefined) throw new Error(`@atlas-export/bench: ${name}: no tsconfig.json in ${dir}`);
    const host = ts.createCompilerHost(parsed.options);
    const readSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      if (!/[\\/]typescript[\\/]lib[\\/]lib\.[^\\/]*\.d\.ts$/.test(fileName)) {
        return readSourceFile(fileName, languageVersion, onError, shouldCreate);
      }
      let file = libFiles.get(fileName);
      if (file === undefined) {
        file = readSourceFile(fileName, languageVersion, onError, shouldCreate);
        if (file !== undefined) libFiles.set(fileName, file);
      }
      return file;
    };
    return { name, parsed, host };
  });
  const times: Record<string, number[]> = Object.fromEntries(configs.map(({ name }) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const { name, parsed, host } of shuffled(configs)) {
      const started = performance.now();
      const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host });
      const diagnostics = ts.getPreEmitDiagnostics(program);
      times[name]!.push(performance.now() - started);
      if (diagnostics.length > 0) {
        throw new Error(
          `@atlas-export/bench: ${name} does not type-check: ` +
            ts.formatDiagnostics(diagnostics.slice(0, 5), {
              getCanonicalFileName: (fileName) => fileName,
              getCurrentDirectory: () => projects[name]!,
              getNewLine: () => "; ",
            }),
        );
      }
    }
  }
  return times;
}

/**
 * A copy of `items` in random order (Fisher–Yates). A check runs slower right after a heavy one, so a fixed
 * order would put that cost on whichever program always follows it.
 */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
