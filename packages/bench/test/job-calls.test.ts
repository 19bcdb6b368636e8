import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingAtlas, type CountingAtlas } from "../src/counting-atlas.js";
import { createJobCall, isContenderName, type ContenderName } from "../src/job-calls.js";

const contenders: ContenderName[] = [
  "atlas-export (digest)",
  "atlas-export (service account)",
  "digest-fetch 3.1.1",
  "mongodb-atlas-api-client 4.19.0",
  "bare openapi-fetch (static bearer middleware)",
  "bare fetch (bearer)",
];

describe("createJobCall", () => {
  let server: CountingAtlas;
  beforeAll(async () => {
    server = await startCountingAtlas();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(contenders)("makes %s get the job from the counting server, twice in a row", async (name) => {
    const call = await createJobCall(name, server.url);
    expect([await call(), await call()]).toEqual([true, true]);
  });

  it("reports a failed call as false instead of throwing", async () => {
    const call = await createJobCall("atlas-export (digest)", "http://127.0.0.1:9");
    await expect(call()).resolves.toBe(false);
  });
});

describe("isContenderName", () => {
  it("accepts the contenders' names and nothing else", () => {
    expect(contenders.every(isContenderName)).toBe(true);
    expect(isContenderName("toString")).toBe(false);
  });
});
