import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { specUrl } from "../scripts/render-types.mjs";
import { readOperations } from "../scripts/read-operations.mjs";
import { renderPathParameterSchemas } from "../scripts/render-validators.mjs";

const specText = await readFile(specUrl, "utf8");
const render = (spec: unknown) => renderPathParameterSchemas(spec, readOperations(spec));

/** A fresh copy of the spec with `change` applied to the groupId path parameter's schema. */
function specWithGroupIdSchema(change: (schema: Record<string, unknown>) => void): unknown {
  const spec = parse(specText);
  change(spec.components.parameters.groupId.schema);
  return spec;
}

describe("renderPathParameterSchemas", () => {
  it("renders the spec's path-parameter constraints and leaves out annotations such as example", () => {
    const code = render(parse(specText));
    const constant =
      /const (schema\d+) = \{"type":"string","maxLength":24,"minLength":24,"pattern":"\^\(\[a-f0-9\]\{24\}\)\$"\} as const;/.exec(
        code,
      );
    expect(constant).not.toBeNull();
    expect(code).toMatch(
      new RegExp(
        `getBackupExportJob: \\{ groupId: ${constant?.[1]}, clusterName: schema\\d+, exportId: schema\\d+ \\},`,
      ),
    );
    expect(code).not.toContain("example");
  });

  it.each([
    ["an unsupported keyword", (schema: Record<string, unknown>) => (schema.format = "uuid"), /"format"/],
    ["nullable", (schema: Record<string, unknown>) => (schema.nullable = true), /"nullable"/],
    ["an enum", (schema: Record<string, unknown>) => (schema.enum = ["a"]), /"enum"/],
    ["a vendor extension", (schema: Record<string, unknown>) => (schema["x-note"] = 1), /"x-note"/],
    ["a type other than string", (schema: Record<string, unknown>) => (schema.type = "integer"), /type/],
    ["no type", (schema: Record<string, unknown>) => delete schema.type, /type must be "string"/],
    ["a fractional length", (schema: Record<string, unknown>) => (schema.maxLength = 2.5), /maxLength/],
    ["an invalid pattern", (schema: Record<string, unknown>) => (schema.pattern = "(["), /pattern/],
  ])("refuses a groupId schema with %s, naming the operation and the parameter", (_name, change, reason) => {
    const attempt = () => render(specWithGroupIdSchema(change));
    expect(attempt).toThrow(
      /^operation \w+: #\/components\/parameters\/groupId\/schema: path parameter groupId/,
    );
    expect(attempt).toThrow(reason);
  });

  it("accepts annotation keywords, which constrain nothing", () => {
    const spec = specWithGroupIdSchema((schema) => {
      schema.title = "Project id";
      schema.deprecated = false;
    });
    expect(() => render(spec)).not.toThrow();
  });
});
