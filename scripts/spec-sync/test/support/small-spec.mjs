// Small upstream-shaped specs: the same layout as MongoDB's Atlas v2 file (a $ref'd groupId parameter,
// an inline exportId, a versioned media type, response components, global security), a few KB instead of
// 4 MB, so each classification rule can be shown with one edit.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";

export const operationPath =
  "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}";
export const mediaType = "application/vnd.atlas.2023-01-01+json";
/** Where spec-sync reports the nodes of the small spec's one operation (its operationId is upstream's). */
export const operationLocation = "operations.getGroupClusterBackupExport";

/** A fresh upstream-shaped document (plain object; tests edit it). */
export function smallUpstream() {
  return {
    openapi: "3.0.1",
    info: { title: "MongoDB Atlas Administration API", version: "2.0" },
    security: [{ ServiceAccounts: [] }, { DigestAuth: [] }],
    paths: {
      "/api/atlas/v2/groups/{groupId}/other": {
        get: { operationId: "other", responses: { 200: { description: "OK" } } },
      },
      [operationPath]: {
        get: {
          operationId: "getGroupClusterBackupExport",
          summary: "Return One Snapshot Export Job",
          description: "Returns one Cloud Backup Snapshot Export Job.",
          parameters: [
            { $ref: "#/components/parameters/groupId" },
            {
              name: "clusterName",
              in: "path",
              required: true,
              schema: { type: "string", pattern: "^[a-zA-Z0-9][a-zA-Z0-9-]*$" },
            },
            {
              name: "exportId",
              in: "path",
              required: true,
              schema: { type: "string", pattern: "^([a-f0-9]{24})$" },
            },
          ],
          responses: {
            200: {
              description: "OK",
              content: {
                [mediaType]: {
                  schema: { $ref: "#/components/schemas/DiskBackupExportJob" },
                  "x-xgen-version": "2023-01-01",
                },
              },
            },
            404: { $ref: "#/components/responses/notFound" },
          },
          "x-xgen-operation-id-override": "getBackupExport",
        },
      },
    },
    components: {
      parameters: {
        groupId: {
          name: "groupId",
          in: "path",
          required: true,
          description: "Project id.",
          schema: { type: "string", pattern: "^([a-f0-9]{24})$" },
        },
        unused: { name: "unused", in: "query", schema: { type: "string" } },
      },
      responses: {
        notFound: {
          description: "Not Found.",
          content: {
            "application/json": {
              schema: { $ref: "#/components/schemas/ApiError" },
              example: { error: 404, errorCode: "RESOURCE_NOT_FOUND" },
            },
          },
        },
      },
      schemas: {
        DiskBackupExportJob: {
          type: "object",
          required: ["exportBucketId"],
          properties: {
            exportBucketId: { type: "string", description: "Bucket id." },
            state: { type: "string", enum: ["Cancelled", "Failed", "InProgress", "Queued", "Successful"] },
            createdAt: { type: "string", format: "date-time" },
          },
        },
        ApiError: {
          type: "object",
          required: ["error", "errorCode"],
          properties: { error: { type: "integer" }, errorCode: { type: "string" } },
        },
        Unrelated: { type: "object" },
      },
      securitySchemes: {
        DigestAuth: { type: "http", scheme: "digest" },
        ServiceAccounts: {
          type: "oauth2",
          flows: { clientCredentials: { tokenUrl: "https://cloud.mongodb.com/api/oauth/token", scopes: {} } },
        },
      },
    },
  };
}

/** The small fragment that matches smallUpstream() exactly, with these deviation records. */
export function smallFragment(deviations = []) {
  const upstream = smallUpstream();
  const operation = upstream.paths[operationPath].get;
  const { unused, ...parameters } = upstream.components.parameters;
  const { Unrelated, ...schemas } = upstream.components.schemas;
  return stringify({
    openapi: "3.0.3",
    info: { title: "fragment", version: "2.0" },
    "x-atlas-export-upstream": {
      operations: [
        {
          operationId: operation.operationId,
          upstreamOperationId: operation.operationId,
          method: "get",
          path: operationPath,
        },
      ],
    },
    "x-atlas-export-deviations": deviations,
    security: upstream.security,
    paths: { [operationPath]: { get: operation } },
    components: { ...upstream.components, parameters, schemas },
  });
}

/** Writes a document into this folder as YAML (or JSON) and returns its path. */
export async function writeSpec(folder, document, { json = false, name = "upstream" } = {}) {
  const file = join(folder, `${name}.${json ? "json" : "yaml"}`);
  await writeFile(
    file,
    typeof document === "string" ? document : json ? JSON.stringify(document, null, 2) : stringify(document),
  );
  return file;
}
