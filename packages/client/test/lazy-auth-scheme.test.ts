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
  it("starts loading the scheme when created and loads it once for every concurrent caller", async () => {
    const { scheme, calls } = countingScheme();
    let loads = 0;
    const lazy = lazyAuthScheme(async () => {
      loads += 1;
      return scheme;
    });
    expect(loads).toBe(1);
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

  it("reports a failed load to the request that waited for it and tries again with the next", async () => {
    const { scheme } = countingScheme();
    let loads = 0;
    const lazy = lazyAuthScheme(async () => {
      loads += 1;
      if (loads === 1) throw new Error("chunk missing");
      return scheme;
    });
    // The first request waits for the load started at creation and gets its error.
    await expect(lazy.authorize(target())).rejects.toThrow("chunk missing");
    await expect(lazy.authorize(target())).resolves.toEqual({ authorization: "Bearer 1" });
    expect(loads).toBe(2);
  });

  it("prepares by waiting for the load, then has nothing left to wait for", async () => {
    const { scheme } = countingScheme();
    let finishLoad!: (loaded: AuthScheme) => void;
    const lazy = lazyAuthScheme(() => new Promise<AuthScheme>((resolve) => (finishLoad = resolve)));
    const preparing = lazy.prepare!();
    expect(preparing).toBeInstanceOf(Promise);
    finishLoad(scheme);
    await preparing;
    expect(lazy.prepare!()).toBeUndefined();
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

  it("closes at once while its code is still loading: nothing was authorized yet", async () => {
    const lazy = lazyAuthScheme(() => new Promise<AuthScheme>(() => undefined));
    await expect(lazy.close()).resolves.toBeUndefined();
  });

  it("closes the loaded scheme", async () => {
    const { scheme, calls } = countingScheme();
    const lazy = lazyAuthScheme(async () => scheme);
    await lazy.authorize(target());
    await lazy.close();
    expect(calls).toEqual(["authorize", "close"]);
  });
});
