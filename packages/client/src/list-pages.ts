import type { CallOptions } from "./call-operation.js";
import { resolveListOptions, type ListOptions } from "./list-options.js";
import { Page } from "./page.js";
import { PagePromise } from "./page-promise.js";

/** The paging query a list operation sends. */
export interface PageQuery {
  pageNum: number;
  itemsPerPage: number;
  includeCount: boolean;
}

/**
 * The one page helper of every list method: a `PagePromise` whose pages come from `fetchPage` (a named
 * method's `callOperation` with the paging query). Bad paging options reject before any request.
 */
export function listPages<Item>(
  method: string,
  what: string,
  options: ListOptions,
  fetchPage: (query: PageQuery, callOptions: CallOptions) => Promise<unknown>,
): PagePromise<Item> {
  return new PagePromise<Item>(async () => {
    const { itemsPerPage, pageNum, includeCount, maxPages, callOptions } = resolveListOptions(
      method,
      options,
    );
    const source = {
      fetch: (page: number) => fetchPage({ pageNum: page, itemsPerPage, includeCount }, callOptions),
      itemsPerPage,
      maxPages,
      what,
    };
    return new Page<Item>(await source.fetch(pageNum), pageNum, source);
  });
}
