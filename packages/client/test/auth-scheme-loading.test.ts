import { afterEach, describe, expect, it, vi } from "vitest";
import { AUTH_SCHEME, type AuthScheme } from "../src/auth-scheme.js";
import { createAtlasClient } from "../src/index.js";
import { lazyAuthScheme } from "../src/lazy-auth-scheme.js";
import { ids, job, jsonResponse } from "./support/fixtures.js";
import { scriptedFetch } from "./support/scripted-fetch.js";

afterEach(() => {
  vi.useRealTimers();
});

const bearer: AuthScheme = {
  authorize: () => ({ authorization: "Bearer t0ken" }),
  complete: async (_ticket, answer) => answer,
  abandon: () => undefined,
  close: async () => undefined,
};

describe("getBackupExportJob with an auth scheme whose code is still loading", () => {
  it("starts the attempt and its timer only once the code has loaded, so a fake clock cannot time it out", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let finishLoad!: (scheme: AuthScheme) => void;
    const scheme = lazyAuthScheme(() => new Promise<AuthScheme>((resolve) => (finishLoad = resolve)));
    const { fetch, requests } = scriptedFetch([jsonResponse(200, job())]);
    // An auth middleware the client calls directly, as it does digestAuth and serviceAccountAuth.
    const auth = { [AUTH_SCHEME]: scheme, onRequest: () => undefined };
    const atlas = createAtlasClient({ baseUrl: "https://cloud.mongodb.com", auth, fetch });
    const call = atlas.getBackupExportJob(ids);
    // A test driving the clock while the program waits for I/O: longer than three 30 s attempts.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(vi.getTimerCount()).toBe(0);
    expect(requests).toHaveLength(0);
    finishLoad(bearer);
    await expect(call).resolves.toEqual(job());
    expect(requests.map((request) => request.headers.get("Authorization"))).toEqual(["Bearer t0ken"]);
  });
});
