import { AtlasApiError } from "./atlas-api-error.js";

/** A link of Atlas's list envelope (`rel` is `self`, `previous` or `next`). */
export interface PageLink {
  href?: string;
  rel?: string;
}

/** How a `Page` fetches its neighbours: the list call for one page number, answering Atlas's raw envelope. */
export interface PageSource {
  fetch(pageNum: number): Promise<unknown>;
  /** The `itemsPerPage` every page was asked for. */
  itemsPerPage: number;
  /** The most pages one chain may fetch (a hostile server could announce more forever). */
  maxPages: number;
  /** What a list is of, for messages: "export jobs", "export buckets", "snapshots". */
  what: string;
}

/**
 * One page of a list operation: Atlas's `{ results, totalCount, links }` plus the way to the next page, as
 * Stainless SDKs shape theirs. `for await (const page of page.iterPages())` walks this page and the ones
 * after it; `for await (const item of page)` walks their items.
 */
export class Page<Item> implements AsyncIterable<Item> {
  /** The items of this page, in Atlas's order. */
  readonly results: Item[];
  /** How many items the whole list has; `undefined` when sent with `includeCount: false` (or not sent). */
  readonly totalCount: number | undefined;
  readonly links: PageLink[];
  /** This page's number, from 1. */
  readonly pageNum: number;
  readonly #source: PageSource;
  /** How many pages this chain has fetched, this one included. */
  readonly #pagesFetched: number;

  /** Checks `body` is a page envelope (whatever `validateResponses` says: its `results` are iterated). */
  constructor(body: unknown, pageNum: number, source: PageSource, pagesFetched = 1) {
    const envelope = body as { results?: unknown; totalCount?: unknown; links?: unknown };
    if (!Array.isArray(envelope.results)) {
      throw invalidPage(`page ${pageNum} of ${source.what} has no results array`);
    }
    const { totalCount } = envelope;
    if (totalCount !== undefined && !(Number.isSafeInteger(totalCount) && (totalCount as number) >= 0)) {
      throw invalidPage(`page ${pageNum} of ${source.what} has a totalCount that is not a count`);
    }
    this.results = envelope.results as Item[];
    this.totalCount = totalCount as number | undefined;
    this.links = Array.isArray(envelope.links) ? (envelope.links as PageLink[]) : [];
    this.pageNum = pageNum;
    this.#source = source;
    this.#pagesFetched = pagesFetched;
  }

  /**
   * Whether another page may follow: never after an empty page; with a `totalCount`, while the pages so far
   * hold fewer items than it; without one, when Atlas links a `next` page or this page is full.
   */
  hasNextPage(): boolean {
    if (this.results.length === 0) return false;
    const { itemsPerPage } = this.#source;
    if (this.totalCount !== undefined) return this.pageNum * itemsPerPage < this.totalCount;
    return this.links.some((link) => link?.rel === "next") || this.results.length >= itemsPerPage;
  }

  /**
   * Fetches the page after this one. Throws an `AtlasApiError` when there is none, when the server answers
   * the same page again (it ignores `pageNum`: walking on would never end) or past `maxPages`.
   */
  async getNextPage(): Promise<Page<Item>> {
    const next = this.pageNum + 1;
    const { what, maxPages } = this.#source;
    if (!this.hasNextPage()) throw invalidPage(`page ${this.pageNum} of ${what} is the last one`);
    if (this.#pagesFetched >= maxPages) {
      throw new AtlasApiError({
        status: 200,
        errorCode: "TOO_MANY_PAGES",
        message: `stopped after ${maxPages} pages of ${what}: the server still announces more (raise the maxPages option if the list really is that long)`,
      });
    }
    const page = new Page<Item>(await this.#source.fetch(next), next, this.#source, this.#pagesFetched + 1);
    if (page.results.length > 0 && JSON.stringify(page.results) === JSON.stringify(this.results)) {
      throw invalidPage(
        `page ${next} of ${what} repeats page ${this.pageNum}: the server ignores pageNum, so the list cannot be walked`,
      );
    }
    return page;
  }

  /** This page and every page after it, each fetched when the previous one is done with. */
  async *iterPages(): AsyncGenerator<Page<Item>, void, undefined> {
    let page: Page<Item> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /** Every item of this page and of the pages after it. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.iterPages()) yield* page.results;
  }
}

function invalidPage(message: string): AtlasApiError {
  return new AtlasApiError({
    status: 200,
    errorCode: "INVALID_RESPONSE",
    message: `200 INVALID_RESPONSE: ${message}`,
  });
}
