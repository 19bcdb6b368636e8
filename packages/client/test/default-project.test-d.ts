import { describe, expectTypeOf, it } from "vitest";
import { createAtlasClient, type AtlasClient, type GroupIdOptional } from "../src/index.js";

const params = { clusterName: "Cluster0", exportId: "32b6e34b3d91647abb20e7b8" };
const groupId = "32b6e34b3d91647abb20e7b8";

describe("groupId and the default project", () => {
  it("is required by a client without projectId", () => {
    const atlas = createAtlasClient();
    expectTypeOf(atlas).toEqualTypeOf<AtlasClient>();
    // @ts-expect-error groupId is required: this client has no default project
    void atlas.getBackupExportJob(params);
    // @ts-expect-error groupId is required: this client has no default project
    void atlas.waitForBackupExportJob(params);
    void atlas.getBackupExportJob({ ...params, groupId });
  });

  it("is optional for a client created with a projectId", () => {
    const atlas = createAtlasClient({ projectId: groupId });
    expectTypeOf(atlas).toEqualTypeOf<AtlasClient<GroupIdOptional>>();
    void atlas.getBackupExportJob(params);
    void atlas.waitForBackupExportJob(params);
    void atlas.getBackupExportJob({ ...params, groupId });
    // @ts-expect-error exportId stays required
    void atlas.getBackupExportJob({ clusterName: "Cluster0" });
  });

  it("stays required when projectId may be undefined", () => {
    const maybe = process.env.PROJECT as string | undefined;
    const atlas = createAtlasClient(maybe === undefined ? {} : { projectId: maybe });
    // @ts-expect-error groupId is required: the default project may be missing
    void atlas.getBackupExportJob(params);
  });

  it("is optional for a client from the environment (checked when the call is made)", () => {
    const atlas = createAtlasClient.fromEnv();
    expectTypeOf(atlas).toEqualTypeOf<AtlasClient<GroupIdOptional>>();
    void atlas.getBackupExportJob(params);
  });

  it("lets any client be passed where an AtlasClient is expected", () => {
    const use = (_atlas: AtlasClient) => undefined;
    use(createAtlasClient({ projectId: groupId }));
    use(createAtlasClient.fromEnv());
  });
});
