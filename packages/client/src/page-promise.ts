import type { Page } from "./page.js";

/**
 * What a list method returns, as Stainless SDKs shape it: `await` it for the first page (`results`,
 * `totalCount`, `hasNextPage()`, `getNextPage()`), or `for await` it for every item of every page, each page
 * fetched when the items before it have been taken. The first request is sent when the promise is first
 * awaited or iterated (not before, so an unused list sends nothing), and only once.
 */
export class PagePromise<Item> implements PromiseLike<Page<Item>>, AsyncIterable<Item> {
  readonly #fetchFirst: () => Promise<Page<Item>>;
  #first: Promise<Page<Item>> | undefined;

  constructor(fetchFirst: () => Promise<Page<Item>>) {
    this.#fetchFirst = fetchFirst;
  }

  #firstPage(): Promise<Page<Item>> {
    return (this.#first ??= this.#fetchFirst());
  }

  then<A = Page<Item>, B = never>(
    onFulfilled?: ((page: Page<Item>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#firstPage().then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<Item> | B> {
    return this.#firstPage().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<Page<Item>> {
    return this.#firstPage().finally(onFinally);
  }

  /** Every item of every page, from the first. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    yield* await this.#firstPage();
  }
}
