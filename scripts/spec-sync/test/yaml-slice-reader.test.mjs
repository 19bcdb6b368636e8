import { describe, expect, it } from "vitest";
import { openSpecText } from "../load-spec.mjs";
import { YamlSliceReader, YamlSliceUnsupported } from "../yaml-slice-reader.mjs";

const blockYaml = `openapi: 3.0.1
# a comment at the top
paths:
    /a:
        get:
            description: |
                Line one.
              
                Line three, after a blank line with stray spaces.
            parameters:
            - $ref: '#/components/parameters/p'
            - name: q
              in: query
    ? /a-very-long-path-written-as-an-explicit-key
    :   post:
            summary: long
    "/quoted": {get: {summary: flow}}
components:
    schemas:
        'It''s':
            type: string
            description: "a double-quoted string
                that continues here"
        Code:
            example: |
                func main() {
                \tprintln("tab after the indentation")
                }
`.replaceAll("\\t", "\t");

describe("YamlSliceReader", () => {
  const table = [
    [
      "a nested block mapping",
      {
        path: ["paths", "/a", "get", "description"],
        want: "Line one.\n\nLine three, after a blank line with stray spaces.\n",
      },
    ],
    [
      "an indentless sequence of its key",
      {
        path: ["paths", "/a", "get", "parameters"],
        want: [{ $ref: "#/components/parameters/p" }, { name: "q", in: "query" }],
      },
    ],
    [
      "an explicit `? key` entry",
      { path: ["paths", "/a-very-long-path-written-as-an-explicit-key", "post", "summary"], want: "long" },
    ],
    ["a flow mapping value", { path: ["paths", "/quoted", "get"], want: { summary: "flow" } }],
    [
      "a single-quoted key with an escaped quote",
      {
        path: ["components", "schemas", "It's", "description"],
        want: "a double-quoted string that continues here",
      },
    ],
    [
      "a block scalar with a tab after its indentation",
      {
        path: ["components", "schemas", "Code", "example"],
        want: 'func main() {\n\tprintln("tab after the indentation")\n}\n',
      },
    ],
    ["a missing key", { path: ["components", "schemas", "Nope"], want: undefined }],
  ];

  it.each(table)("reads %s like a whole parse", (_name, { path, want }) => {
    expect(new YamlSliceReader(blockYaml).get(path)).toEqual(want);
  });

  it("refuses a document that does not start with a block mapping", () => {
    expect(() => new YamlSliceReader("{openapi: 3.0.1}")).toThrow(YamlSliceUnsupported);
  });

  it("refuses anchors and aliases, which may point outside the slice", () => {
    const reader = new YamlSliceReader("a: &x {b: 1}\nc: *x\n");
    expect(() => reader.get(["c"])).toThrow(YamlSliceUnsupported);
  });
});

describe("openSpecText", () => {
  it("falls back to a whole parse for YAML the shortcut does not handle, with the same answers", () => {
    const reader = openSpecText(
      "anchors.yaml",
      "openapi: 3.0.1\nshared: &s {type: string}\ncomponents:\n  schemas:\n    A: *s\n",
    );
    expect(reader.get(["components", "schemas", "A"])).toEqual({ type: "string" });
  });

  it("reads flow-style YAML that is not JSON", () => {
    expect(openSpecText("flow.yaml", "{openapi: 3.0.1, paths: {}}").get(["openapi"])).toBe("3.0.1");
  });
});
