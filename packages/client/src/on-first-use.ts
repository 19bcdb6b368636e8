/**
 * Memoizes an asynchronous load (a dynamic `import()` above all): the first call starts it, later calls
 * share it, and a load that fails is forgotten so that the next call tries again instead of failing forever.
 */
export function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
