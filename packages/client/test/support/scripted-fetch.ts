/** One scripted answer: a Response, an error to throw (a connection failure), or never answering. */
export type Step = Response | Error | "hang" | (() => Response);

/**
 * A `fetch` that answers from a script and records every request, for tests that drive time with a fake
 * clock (a real socket would need real time). "hang" waits until the request's signal aborts.
 */
export function scriptedFetch(steps: Step[]) {
  const requests: Request[] = [];
  /** `Date.now()` (fakeable) at which each request was sent. */
  const times: number[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    requests.push(request);
    times.push(Date.now());
    const step = steps.shift() ?? new Error("script exhausted");
    if (step === "hang") {
      return new Promise<Response>((_resolve, reject) => {
        const fail = () => reject(request.signal.reason as Error);
        if (request.signal.aborted) fail();
        request.signal.addEventListener("abort", fail, { once: true });
      });
    }
    if (step instanceof Error) throw step;
    return typeof step === "function" ? step() : step;
  };
  return { fetch, requests, times };
}

/** What undici throws when a connection is refused. */
export function connectionRefused(): Error {
  return new TypeError("fetch failed", {
    cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
  });
}
