import { join } from "node:path";
import ts from "typescript";
import { packageDir } from "./package-paths.js";

export interface CompilerDiagnostic {
  /** Absolute file name, or undefined for a diagnostic about the whole program. */
  file: string | undefined;
  line: number | undefined;
  code: number;
  message: string;
}

/**
 * Type-checks the given files in one program with this package's tsconfig.json (which extends the repo's
 * strict tsconfig.base.json), so fixtures are held to the same rules as hand-written code.
 */
export function compileFixtures(files: readonly string[]): CompilerDiagnostic[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(packageDir, "tsconfig.json"), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (!config) throw new Error("contract-tests: could not read tsconfig.json");
  // Only the fixtures: no need for @types/node or the test files to check a JSON literal against a type.
  const program = ts.createProgram([...files], { ...config.options, noEmit: true, types: [] });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const position =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
        : undefined;
    return {
      file: diagnostic.file?.fileName,
      line: position ? position.line + 1 : undefined,
      code: diagnostic.code,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
    };
  });
}

/** `file:line - TS1234: message` lines, the way tsc prints them, for assertion messages. */
export function formatDiagnostics(diagnostics: readonly CompilerDiagnostic[]): string {
  return diagnostics
    .map(
      (d) =>
        `${d.file ?? "(program)"}${d.line === undefined ? "" : `:${d.line}`} - TS${d.code}: ${d.message}`,
    )
    .join("\n");
}
