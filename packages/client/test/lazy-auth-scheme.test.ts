import { describe, expect, it } from "vitest";
import type { AuthScheme, AuthTarget, AuthTicket } from "../src/auth-scheme.js";
import { lazyAuthScheme } from "../src/lazy-auth-scheme.js";

/** A scheme that signs every request with `Bearer <n>` and records what it was asked. */
function countingScheme() {
  const calls: string[] = [];
  let signed = 0;
  const scheme: AuthScheme = {
    authorize: () => {
      calls.push("authorize");
      return { authorization: `Bearer ${++signed}` };
    },
    complete: async (_ticket, answer) => {
      calls.push("complete");
      return answer;
    },
    abandon: () => calls.push("abandon"),
    close: async () => {
      calls.push("close");
    },
  };
  return { scheme, calls };
}

const target = (signal = new AbortController().signal): AuthTarget => ({
  method: "GET",
  url: "https://cloud.mongodb.com/api/atlas/v2/groups",
  signal,
  allowInsecure: false,
  baseUrl: "https://cloud.mongodb.com",
  fetch: () => Promise.reject(new Error("no request expected")),
});

describe("lazyAuthScheme", () => {
  it("loads the scheme once, with the first request, for every concurrent caller", async () => {
    const { scheme, calls } = countingScheme();
    let loads = 0;
    const lazy = lazyAuthScheme(async () => {
      loads += 1;
      return scheme;
    });
    expect(loads).toBe(0);
    const tickets = await Promise.all([lazy.authorize(target()), lazy.authorize(target())]);
    expect(tickets.map((ticket) => ticket.authorization)).toEqual(["Bearer 1", "Bearer 2"]);
    expect(loads).toBe(1);
    expect(calls).toEqual(["authorize", "authorize"]);
  });

  it("answers synchronously once loaded, as the loaded scheme does", async () => {
    const { scheme } = countingScheme();
    const lazy = lazyAuthScheme(async () => scheme);
    await lazy.authorize(target());
    const ticket = lazy.authorize(target());
    expect(ticket).not.toBeInstanceOf(Promise);
    expect((ticket as AuthTicket).authorization).toBe("Bearer 2");
  });

  it("hands complete and abandon to the loaded scheme", async () => {
    const { scheme, calls } = countingScheme();
    const lazy = lazyAuthScheme(async () => scheme);
    const ticket = await lazy.authorize(target());
    const answer = { status: 200, headers: new Headers(), text: async () => "" };
    expect(await lazy.complete(ticket, answer, () => Promise.reject(new Error("no resend")))).toBe(answer);
    lazy.abandon(ticket);
    expect(calls).toEqual(["authorize", "complete", "abandon"]);
  });

  it("tries the load again with the next request after a failed one", async () => {
    const { scheme } = countingScheme();
    let loads = 0;
    const lazy = lazyAuthScheme(async () => {
      loads += 1;
      if (loads === 1) throw new Error("chunk missing");
      return scheme;
    });
    await expect(lazy.authorize(target())).rejects.toThrow("chunk missing");
    await expect(lazy.authorize(target())).resolves.toEqual({ authorization: "Bearer 1" });
    expect(loads).toBe(2);
  });

  it("stops waiting for the load when the request is aborted", async () => {
    const { scheme, calls } = countingScheme();
    let finishLoad!: (loaded: AuthScheme) => void;
    const lazy = lazyAuthScheme(() => new Promise<AuthScheme>((resolve) => (finishLoad = resolve)));
    const controller = new AbortController();
    const pending = lazy.authorize(target(controller.signal));
    controller.abort(new Error("caller gave up"));
    await expect(pending).rejects.toThrow("caller gave up");
    finishLoad(scheme);
    expect(calls).toEqual([]);
  });

  it("closes without loading a scheme that never authorized a request", async () => {
    let loads = 0;
    const lazy = lazyAuthScheme(async () => {
      loads += 1;
      return countingScheme().scheme;
    });
    await lazy.close();
    expect(loads).toBe(0);
  });

  it("closes the loaded scheme", async () => {
    const { scheme, calls } = countingScheme();
    const lazy = lazyAuthScheme(async () => scheme);
    await lazy.authorize(target());
    await lazy.close();
    expect(calls).toEqual(["authorize", "close"]);
  });
});
