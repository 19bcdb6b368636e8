import { describe, expect, it } from "vitest";
import { childEnv } from "../child-env.mjs";

const env = {
  PATH: "/usr/bin",
  HTTPS_PROXY: "http://proxy:3128",
  no_proxy: "localhost",
  npm_config_registry: "http://127.0.0.1:4873/",
  MONGODB_ATLAS_CLIENT_SECRET: "secret",
  NODE_OPTIONS: "--inspect",
};

describe("childEnv", () => {
  it("gives a program under test no proxy, Atlas credentials, Node flags or npm configuration", () => {
    expect(childEnv({ SMOKE_CONFIG: "{}" }, { env })).toEqual({ PATH: "/usr/bin", SMOKE_CONFIG: "{}" });
  });

  it("keeps the proxy for npm, which may only reach the registry through it", () => {
    const result = childEnv({}, { forProgram: false, env });
    expect(result).toMatchObject({ HTTPS_PROXY: "http://proxy:3128", no_proxy: "localhost" });
    expect(result).not.toHaveProperty("npm_config_registry");
  });
});
