import { describe, expect, it } from "vitest";
import { paginate } from "../src/paginate.js";

const items = Array.from({ length: 12 }, (_, i) => i + 1);
const at = (query: string) => new URL(`http://127.0.0.1:1/api/atlas/v2/things${query}`);
const page = (query: string, list: readonly number[] = items) => {
  const result = paginate(list, at(query));
  if (!result.ok) throw new Error(JSON.stringify(result.violations));
  return result.page;
};

describe("paginate", () => {
  it("answers the first 100 items with totalCount and a self link by default", () => {
    const many = Array.from({ length: 250 }, (_, i) => i);
    const first = page("", many);
    expect(first.results).toEqual(many.slice(0, 100));
    expect(first.totalCount).toBe(250);
    expect(first.links.map((link) => link.rel)).toEqual(["self", "next"]);
    expect(first.links[0]?.href).toBe("http://127.0.0.1:1/api/atlas/v2/things?pageNum=1&itemsPerPage=100");
  });

  it("serves the page pageNum names, with previous and next links that keep other parameters", () => {
    const second = page("?itemsPerPage=5&pageNum=2&pretty=true");
    expect(second.results).toEqual([6, 7, 8, 9, 10]);
    expect(second.links).toEqual([
      { rel: "previous", href: expect.stringContaining("pageNum=1&itemsPerPage=5") },
      { rel: "self", href: expect.stringContaining("pageNum=2&itemsPerPage=5") },
      { rel: "next", href: expect.stringContaining("pageNum=3&itemsPerPage=5") },
    ]);
    expect(second.links.every((link) => link.href.includes("pretty=true"))).toBe(true);
  });

  it("has no next link on the last page", () => {
    const last = page("?itemsPerPage=5&pageNum=3");
    expect(last.results).toEqual([11, 12]);
    expect(last.links.map((link) => link.rel)).toEqual(["previous", "self"]);
  });

  it("answers an empty page past the end, still counting every item", () => {
    expect(page("?pageNum=9")).toMatchObject({ results: [], totalCount: 12 });
  });

  it("allows 500 items per page", () => {
    const many = Array.from({ length: 501 }, (_, i) => i);
    expect(page("?itemsPerPage=500", many).results).toHaveLength(500);
  });

  it("omits totalCount with includeCount=false, and reads other values as true", () => {
    expect(page("?includeCount=false")).not.toHaveProperty("totalCount");
    expect(page("?includeCount=FALSE")).not.toHaveProperty("totalCount");
    expect(page("?includeCount=true").totalCount).toBe(12);
  });

  it.each([
    ["itemsPerPage=501", "itemsPerPage"],
    ["itemsPerPage=0", "itemsPerPage"],
    ["itemsPerPage=1.5", "itemsPerPage"],
    ["pageNum=0", "pageNum"],
    ["pageNum=-1", "pageNum"],
    ["pageNum=abc", "pageNum"],
    ["pageNum=", "pageNum"],
  ])("rejects %s, naming the parameter", (query, field) => {
    const result = paginate(items, at(`?${query}`));
    expect(result).toEqual({ ok: false, violations: [{ field, description: expect.any(String) }] });
  });
});
