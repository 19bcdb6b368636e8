import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { COMMAND_TABLE } from "../src/command-table.js";
import { ATLAS_OPTIONS } from "../src/options.js";

// The README is where a user looks up a flag before running `--help`: every name the parser accepts is there.
const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");

/** Whether the README shows `text` as a word of its own (not inside a longer flag). */
function named(text: string): boolean {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[\\s\`([])${escaped}($|[\\s\`,.)|\\]])`, "m").test(readme);
}

describe("README.md", () => {
  it.each(COMMAND_TABLE.map((command) => [command.name, command] as const))(
    "names the command %s, its aliases, and every flag, short form, alias and variable it takes",
    (_name, command) => {
      const names = [command.name, ...(command.aliases ?? [])];
      for (const option of [...command.options, ...ATLAS_OPTIONS]) {
        names.push(`--${option.flag}`);
        if (option.alias) names.push(`--${option.alias}`);
        if (option.short) names.push(`-${option.short}`);
        if (option.env) names.push(option.env);
      }
      expect(names.filter((name) => !named(name))).toEqual([]);
    },
  );
});
