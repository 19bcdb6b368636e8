/**
 * The smallest OpenAPI 3.0 document that still has the operation the openapi-fetch consumer calls
 * (openapi-fetch-consumer.ts): the GET of one export job, its three string path parameters and a single 200
 * answer whose body has only what the consumer reads (`state`, `exportStatus.exportedCollections` and
 * `exportStatus.totalCollections`). Types generated from it are the least `paths` that consumer compiles
 * against, so type-checking it measures openapi-fetch's own cost: a floor that no types module goes below.
 */
export function smallestPathsSpec(): Record<string, unknown> {
  const pathParameter = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
  return {
    openapi: "3.0.3",
    info: { title: "Smallest paths for the openapi-fetch consumer", version: "1.0.0" },
    paths: {
      "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}": {
        get: {
          operationId: "getBackupExportJob",
          parameters: [pathParameter("groupId"), pathParameter("clusterName"), pathParameter("exportId")],
          responses: {
            "200": {
              description: "OK",
              content: {
                "application/vnd.atlas.2023-01-01+json": {
                  schema: {
                    type: "object",
                    properties: {
                      state: { type: "string" },
                      exportStatus: {
                        type: "object",
                        properties: {
                          exportedCollections: { type: "integer" },
                          totalCollections: { type: "integer" },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
