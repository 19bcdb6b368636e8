import { describe, expect, it } from "vitest";
import { requestLog } from "../src/request-log.js";

type Hooks = ReturnType<typeof requestLog>;
type HookArg<K extends "onRequest" | "onResponse" | "onError"> = Parameters<NonNullable<Hooks[K]>>[0];

const URL_ = "https://cloud.mongodb.com/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/backup/exportBuckets";

function logged(run: (log: Hooks, request: Request, clock: { ms: number }) => void): string[] {
  const lines: string[] = [];
  const clock = { ms: 1000 };
  const log = requestLog(
    (line) => lines.push(line),
    () => clock.ms,
  );
  run(log, new Request(URL_), clock);
  return lines;
}

describe("requestLog (--verbose)", () => {
  it("writes one line per answer: method, URL, status and the time it took", () => {
    const lines = logged((log, request, clock) => {
      log.onRequest!({ id: "a", request } as HookArg<"onRequest">);
      clock.ms += 42;
      const response = new Response("{}", { status: 503, statusText: "Service Unavailable" });
      log.onResponse!({ id: "a", request, response } as HookArg<"onResponse">);
    });
    expect(lines).toEqual([`atlas-export: GET ${URL_} → 503 Service Unavailable (42 ms)\n`]);
  });

  it("says why there was no answer when the attempt failed", () => {
    const lines = logged((log, request, clock) => {
      log.onRequest!({ id: "a", request } as HookArg<"onRequest">);
      clock.ms += 30_000;
      log.onError!({ id: "a", request, error: new Error("no answer within 30000 ms") } as HookArg<"onError">);
    });
    expect(lines).toEqual([`atlas-export: GET ${URL_} → no answer: no answer within 30000 ms (30000 ms)\n`]);
  });

  it("keeps terminal control sequences in server text and error messages away from the terminal", () => {
    const lines = logged((log, request) => {
      log.onRequest!({ id: "a", request } as HookArg<"onRequest">);
      log.onError!({
        id: "a",
        request,
        error: new Error("reset\u001b[2J\u0007 by peer"),
      } as HookArg<"onError">);
    });
    expect(lines[0]).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(lines[0]).toContain("reset");
  });

  it("never prints a request's headers", () => {
    const lines = logged((log) => {
      const request = new Request(URL_, { headers: { Authorization: "Bearer secret-token-value" } });
      log.onRequest!({ id: "a", request } as HookArg<"onRequest">);
      log.onResponse!({
        id: "a",
        request,
        response: new Response(null, { status: 204 }),
      } as HookArg<"onResponse">);
    });
    expect(lines.join("")).not.toContain("secret-token-value");
    expect(lines).toHaveLength(1);
  });
});
