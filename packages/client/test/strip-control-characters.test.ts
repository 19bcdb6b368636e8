import { describe, expect, it } from "vitest";
import { stripControlCharacters } from "../src/index.js";

describe("stripControlCharacters", () => {
  it.each([
    [
      "plain text",
      { given: "Access denied to bucket my-bucket.", want: "Access denied to bucket my-bucket." },
    ],
    ["non-ASCII text", { given: "exporté ✓ 日本", want: "exporté ✓ 日本" }],
    ["a colour (CSI SGR)", { given: "\x1b[31mred\x1b[0m", want: "red" }],
    ["a screen clear and cursor home", { given: "a\x1b[2J\x1b[Hb", want: "ab" }],
    ["a private-mode CSI", { given: "\x1b[?25lhidden cursor", want: "hidden cursor" }],
    ["a window title (OSC ending in BEL)", { given: "\x1b]0;pwned\x07job", want: "job" }],
    ["a window title (OSC ending in ST)", { given: "\x1b]2;pwned\x1b\\job", want: "job" }],
    [
      "an OSC 8 hyperlink",
      { given: "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ here", want: "click here" },
    ],
    ["an unterminated OSC", { given: "ok\x1b]0;title to the end", want: "ok" }],
    ["a DCS string", { given: "a\x1bPq#0;2;0;0;0\x1b\\b", want: "ab" }],
    ["C1 CSI", { given: "a\x9b2Jb", want: "ab" }],
    ["C1 OSC", { given: "a\x9d0;t\x9cb", want: "ab" }],
    ["a two-byte escape (RIS)", { given: "a\x1bcb", want: "ab" }],
    ["a lone ESC at the end", { given: "a\x1b", want: "a" }],
    [
      "a forged line (CR LF)",
      { given: "fine\r\natlas-export: all good", want: "fine atlas-export: all good" },
    ],
    ["a carriage return overwrite", { given: "Failed\rSuccessful", want: "Failed Successful" }],
    ["bell, backspace, NUL and DEL", { given: "a\x07\x08\x00\x7fb", want: "ab" }],
    ["other C1 controls", { given: "a\x85\x8fb", want: "ab" }],
    ["a right-to-left override", { given: "file\u202egnp.exe", want: "filegnp.exe" }],
  ])("strips %s", (_name, { given, want }) => {
    expect(stripControlCharacters(given)).toBe(want);
  });

  it("leaves no control character in any string", () => {
    let all = "";
    for (let code = 0; code < 0xa0; code++) all += `x${String.fromCharCode(code)}`;
    expect(stripControlCharacters(all)).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
  });
});
