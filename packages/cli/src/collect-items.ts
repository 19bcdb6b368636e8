/** Every item of an auto-paginating list (pages are fetched as the loop reaches them). */
export async function collectItems<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
