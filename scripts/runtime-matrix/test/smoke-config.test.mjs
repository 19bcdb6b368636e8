import { describe, expect, it } from "vitest";
import { emulatorOptions, jobPath, runningJobDefinition, smokeConfig, smokeJobs } from "../smoke-config.mjs";

const documented = {
  groupId: "32b6e34b3d91647abb20e7b8",
  clusterName: "Cluster0",
  exportId: "32b6e34b3d91647abb20e7b8",
};

describe("smoke configuration", () => {
  it("gives every job its own 24-hex export id in the documented project and cluster", () => {
    const jobs = Object.values(smokeJobs(documented));
    expect(new Set(jobs.map((job) => job.exportId)).size).toBe(jobs.length);
    for (const job of jobs) {
      expect(job).toMatchObject({ groupId: documented.groupId, clusterName: "Cluster0" });
      expect(job.exportId).toMatch(/^[0-9a-f]{24}$/);
    }
  });

  it("injects exactly one 503, for the flaky job's path only", () => {
    const jobs = smokeJobs(documented);
    const { faults } = emulatorOptions(documented, jobs);
    expect(faults).toEqual([
      { match: { path: jobPath(jobs.flaky) }, times: 1, fault: { type: "status", status: 503 } },
    ]);
    expect(faults[0].match.path).not.toBe(jobPath(jobs.documented));
  });

  it("serves the documented, flaky and get jobs from the start, but not the missing or running ones", () => {
    const jobs = smokeJobs(documented);
    const served = emulatorOptions(documented, jobs).jobs.map((job) => job.exportId);
    expect(served).toEqual([documented.exportId, jobs.flaky.exportId, jobs.cliDone.exportId]);
  });

  it("lets a running job be seen in progress before it succeeds", () => {
    const job = runningJobDefinition(smokeJobs(documented).running);
    expect(job.queuedMs + job.durationMs).toBeGreaterThanOrEqual(1_000);
    expect(job.outcome ?? "Successful").toBe("Successful");
  });

  it("writes the config the smoke program reads", () => {
    const jobs = smokeJobs(documented);
    const config = JSON.parse(
      smokeConfig({
        baseUrl: "http://127.0.0.1:1",
        apiKey: { publicKey: "p" },
        serviceAccount: { clientId: "c" },
        jobs,
      }),
    );
    expect(Object.keys(config)).toEqual(["scenario", "baseUrl", "apiKey", "serviceAccount", "jobs"]);
    expect(config.jobs.flaky).toEqual(jobs.flaky);
  });

  it("names the scenario, workflow by default, and carries a CA only when given", () => {
    const jobs = smokeJobs(documented);
    const base = { baseUrl: "https://127.0.0.1:1", apiKey: {}, serviceAccount: {}, jobs };
    expect(JSON.parse(smokeConfig(base))).toMatchObject({ scenario: "workflow" });
    expect(JSON.parse(smokeConfig(base))).not.toHaveProperty("ca");
    expect(JSON.parse(smokeConfig(base))).not.toHaveProperty("proxy");
    expect(JSON.parse(smokeConfig({ ...base, proxy: "http://127.0.0.1:1" }))).toMatchObject({
      proxy: "http://127.0.0.1:1",
    });
    expect(JSON.parse(smokeConfig({ ...base, scenario: "trust", ca: "PEM" }))).toMatchObject({
      scenario: "trust",
      ca: "PEM",
    });
  });
});
