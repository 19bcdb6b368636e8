import { describe, expect, it } from "vitest";
import { AtlasApiError, AtlasValidationError } from "../src/index.js";
import type { CallOptions } from "../src/call-operation.js";
import { listPages, type PageQuery } from "../src/list-pages.js";

/** A list of `total` numbered items served like Atlas does, recording every page request. */
function atlasList(total: number, { includeCount = true, links = true } = {}) {
  const queries: PageQuery[] = [];
  const fetchPage = async (query: PageQuery, _options: CallOptions) => {
    queries.push(query);
    const start = (query.pageNum - 1) * query.itemsPerPage;
    const results = Array.from(
      { length: Math.max(0, Math.min(query.itemsPerPage, total - start)) },
      (_, i) => ({ n: start + i }),
    );
    const next = start + query.itemsPerPage < total;
    return {
      results,
      ...(includeCount && query.includeCount ? { totalCount: total } : {}),
      ...(links ? { links: [{ rel: "self" }, ...(next ? [{ rel: "next" }] : [])] } : {}),
    };
  };
  return { queries, fetchPage };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("listPages", () => {
  it.each([
    ["no items", { total: 0, requests: 1 }],
    ["one item", { total: 1, requests: 1 }],
    ["one full page", { total: 500, requests: 1 }],
    ["one more than a page", { total: 501, requests: 2 }],
    ["three full pages", { total: 1500, requests: 3 }],
    ["a bit over three pages", { total: 1502, requests: 4 }],
  ])("walks %s in ceil(N/500) requests of 500 items", async (_name, { total, requests }) => {
    const list = atlasList(total);
    const items = await collect(listPages<{ n: number }>("listThings", "things", {}, list.fetchPage));
    expect(items.map((item) => item.n)).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(list.queries).toHaveLength(requests);
    expect(list.queries.every((q) => q.itemsPerPage === 500 && q.includeCount)).toBe(true);
    expect(list.queries.map((q) => q.pageNum)).toEqual(Array.from({ length: requests }, (_, i) => i + 1));
  });

  it("fetches the next page only when the items before it have been taken", async () => {
    const list = atlasList(1200);
    const seen: number[] = [];
    for await (const item of listPages<{ n: number }>("listThings", "things", {}, list.fetchPage)) {
      seen.push(item.n);
      if (item.n === 499) {
        expect(list.queries).toHaveLength(1);
        break;
      }
    }
    expect(seen).toHaveLength(500);
    expect(list.queries).toHaveLength(1);
  });

  it("gives the first page when awaited, with totalCount and the way to the next page", async () => {
    const list = atlasList(7);
    const first = await listPages<{ n: number }>("listThings", "things", { itemsPerPage: 3 }, list.fetchPage);
    expect(first.results).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    expect(first.totalCount).toBe(7);
    expect(first.pageNum).toBe(1);
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    const third = await second.getNextPage();
    expect(third.results).toEqual([{ n: 6 }]);
    expect(third.hasNextPage()).toBe(false);
    await expect(third.getNextPage()).rejects.toThrow(/page 3 of things is the last one/);
    expect(list.queries).toHaveLength(3);
  });

  it("sends one request when awaited and iterated, and none when neither", async () => {
    const list = atlasList(3);
    const pages = listPages<{ n: number }>("listThings", "things", {}, list.fetchPage);
    listPages("listThings", "things", {}, list.fetchPage);
    expect(list.queries).toHaveLength(0);
    const first = await pages;
    expect(await collect(pages)).toEqual(first.results);
    expect(list.queries).toHaveLength(1);
  });

  it("starts at pageNum and walks the pages after it", async () => {
    const list = atlasList(10);
    const items = await collect(
      listPages<{ n: number }>("listThings", "things", { pageNum: 2, itemsPerPage: 4 }, list.fetchPage),
    );
    expect(items.map((item) => item.n)).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it("follows links when Atlas sends no totalCount", async () => {
    const list = atlasList(9, { includeCount: false });
    const pages = listPages<{ n: number }>("listThings", "things", { itemsPerPage: 4 }, list.fetchPage);
    expect((await pages).totalCount).toBeUndefined();
    expect(await collect(pages)).toHaveLength(9);
    expect(list.queries).toHaveLength(3);
  });

  it("asks for one more page after a full page when there is neither a count nor links", async () => {
    const list = atlasList(8, { includeCount: false, links: false });
    const items = await collect(listPages("listThings", "things", { itemsPerPage: 4 }, list.fetchPage));
    expect(items).toHaveLength(8);
    expect(list.queries).toHaveLength(3);
  });

  it("stops at an empty page even when the server announces more", async () => {
    let requests = 0;
    const items = await collect(
      listPages("listThings", "things", {}, async () => {
        requests++;
        return { results: requests === 1 ? [{ n: 1 }] : [], totalCount: 1_000_000 };
      }),
    );
    expect(items).toEqual([{ n: 1 }]);
    expect(requests).toBe(2);
  });

  it("throws when the server answers the same page for every pageNum", async () => {
    let requests = 0;
    const walk = collect(
      listPages("listThings", "things", { itemsPerPage: 2 }, async () => {
        requests++;
        return { results: [{ n: 1 }, { n: 2 }], totalCount: 1_000_000 };
      }),
    );
    await expect(walk).rejects.toThrow(
      /page 2 of things repeats page 1: the server ignores pageNum, so the list cannot be walked/,
    );
    expect(requests).toBe(2);
  });

  it("throws after maxPages when the server keeps announcing new pages", async () => {
    let requests = 0;
    const walk = collect(
      listPages("listThings", "things", { maxPages: 5 }, async () => {
        requests++;
        return { results: [{ n: requests }], totalCount: 1_000_000 };
      }),
    );
    const error = await walk.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasApiError);
    expect((error as AtlasApiError).errorCode).toBe("TOO_MANY_PAGES");
    expect((error as Error).message).toMatch(/stopped after 5 pages of things.*raise the maxPages option/);
    expect(requests).toBe(5);
  });

  it.each([
    ["results missing", {}, /page 1 of things has no results array/],
    ["results not an array", { results: { length: 1 } }, /page 1 of things has no results array/],
    ["a negative totalCount", { results: [], totalCount: -1 }, /totalCount that is not a count/],
    ["a string totalCount", { results: [], totalCount: "5" }, /totalCount that is not a count/],
  ])("rejects a page with %s as an AtlasApiError", async (_name, body, message) => {
    const error = await listPages("listThings", "things", {}, async () => body).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AtlasApiError);
    expect((error as Error).message).toMatch(message);
  });

  it.each([
    [
      "itemsPerPage",
      { itemsPerPage: 501 },
      /listThings\(params, \{ itemsPerPage \}\) must be an integer from 1 to 500 \(got 501\)/,
    ],
    ["itemsPerPage", { itemsPerPage: 0 }, /must be an integer from 1 to 500 \(got 0\)/],
    ["pageNum", { pageNum: 1.5 }, /\{ pageNum \}\) must be an integer from 1/],
    ["maxPages", { maxPages: -1 }, /\{ maxPages \}\) must be an integer from 1/],
    ["includeCount", { includeCount: "yes" as unknown as boolean }, /\{ includeCount \}\) must be a boolean/],
    [
      "options",
      null as unknown as object,
      /listThings\(params, options\) expects an options object \(got null\)/,
    ],
  ])("rejects a bad %s before any request", async (parameter, options, message) => {
    const list = atlasList(3);
    const error = await listPages("listThings", "things", options, list.fetchPage).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AtlasValidationError);
    expect((error as AtlasValidationError).parameter).toBe(parameter);
    expect((error as Error).message).toMatch(message);
    expect(list.queries).toHaveLength(0);
  });
});
