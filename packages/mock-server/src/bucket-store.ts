import type { Clock } from "./clock.js";
import { derivedId } from "./derived-id.js";
import type { CreateExportBucketBody, ExportBucket } from "@atlas-export/types";
import { requestBodyViolations } from "./request-body-violations.js";
import type { MockExportBucketDefinition } from "./mock-bucket-definition.js";
import { newObjectId } from "./new-object-id.js";
import { pathParamViolations } from "./path-param-violations.js";
import type { ProjectStores } from "./project-stores.js";

/** The export buckets a running emulator holds, per project. */
export interface BucketStore {
  /** Adds a bucket (throws naming the field if the definition is invalid or its `_id` exists); returns it as served. */
  add(definition: MockExportBucketDefinition): ExportBucket;
  /** The bucket as `getExportBucket` serves it, or undefined. */
  get(groupId: string, exportBucketId: string): ExportBucket | undefined;
  /** A project's buckets in creation order (every project's without `groupId`). */
  list(groupId?: string): ExportBucket[];
  /** Removes a bucket, in use or not; false when there was none. */
  remove(groupId: string, exportBucketId: string): boolean;
  /** Removes every bucket of every project. */
  clear(): void;
}

/** Why a bucket body cannot become a bucket, beyond what the schema checks (Atlas's own rules). */
export type BucketProblem = { field: string; description: string };

const BUCKET_PATH = (groupId: string, id: string): string =>
  `/api/atlas/v2/groups/${groupId}/backup/exportBuckets/${id}`;

export function createBucketStore(options: {
  clock: Clock;
  baseUrl: () => string;
  projects: ProjectStores;
  initial: readonly MockExportBucketDefinition[];
}): BucketStore {
  const { projects } = options;
  const render = (groupId: string, bucket: ExportBucket): ExportBucket => ({
    ...structuredClone(bucket),
    links: [{ href: options.baseUrl() + BUCKET_PATH(groupId, bucket._id), rel: "self" }],
  });

  const store: BucketStore = {
    add(definition) {
      const where = "@atlas-export/mock-server: bucket";
      if (typeof definition !== "object" || definition === null) {
        throw new TypeError(`${where} definition must be an object with groupId and cloudProvider`);
      }
      const { groupId, _id: id, region, ...body } = definition;
      if (typeof groupId !== "string" || pathParamViolations({ groupId }).length > 0) {
        throw new RangeError(
          `${where} "groupId" must be 24 hexadecimal digits, got ${JSON.stringify(groupId)}`,
        );
      }
      if (id !== undefined && pathParamViolations({ exportBucketId: id }).length > 0) {
        throw new RangeError(`${where} "_id" must be 24 hexadecimal digits, got ${JSON.stringify(id)}`);
      }
      const [violation] = requestBodyViolations("createExportBucket", body);
      if (violation !== undefined) {
        throw new RangeError(`${where} ${violation.pointer || "definition"} ${violation.message}`);
      }
      const made = bucketFromBody(body as CreateExportBucketBody, id ?? newObjectId(options.clock), region);
      if (!made.ok) throw new RangeError(`${where} "${made.problem.field}" ${made.problem.description}`);
      const bucket = made.bucket;
      const project = projects.project(groupId);
      if (project.buckets.has(bucket._id)) {
        throw new Error(`${where} ${bucket._id} already exists in project ${groupId}; remove it first`);
      }
      project.buckets.set(bucket._id, bucket);
      return render(groupId, bucket);
    },
    get(groupId, exportBucketId) {
      const bucket = projects.find(groupId)?.buckets.get(exportBucketId);
      return bucket === undefined ? undefined : render(groupId, bucket);
    },
    list: (groupId) =>
      [...projects.all()]
        .filter((project) => groupId === undefined || project.groupId === groupId)
        .flatMap((project) => [...project.buckets.values()].map((bucket) => render(project.groupId, bucket))),
    remove: (groupId, exportBucketId) => projects.find(groupId)?.buckets.delete(exportBucketId) ?? false,
    clear() {
      for (const project of projects.all()) project.buckets.clear();
    },
  };
  options.initial.forEach((definition) => store.add(definition));
  return store;
}

/**
 * The bucket Atlas stores for a schema-valid body: AWS gets its region looked up (`region`), Azure its container
 * taken from `serviceUrl` when `bucketName` is left out and the tenant of its role.
 */
export function bucketFromBody(
  body: CreateExportBucketBody,
  id: string,
  region = "us-east-1",
): { ok: true; bucket: ExportBucket } | { ok: false; problem: BucketProblem } {
  switch (body.cloudProvider) {
    case "AWS":
      return {
        ok: true,
        bucket: {
          _id: id,
          bucketName: body.bucketName,
          cloudProvider: "AWS",
          iamRoleId: body.iamRoleId,
          region,
          requirePrivateNetworking: body.requirePrivateNetworking ?? false,
        },
      };
    case "AZURE": {
      let url: URL;
      try {
        url = new URL(body.serviceUrl);
      } catch {
        return { ok: false, problem: { field: "serviceUrl", description: "must be a URL" } };
      }
      // The schema's description: only standard endpoints (…blob.core.windows.net) are supported.
      if (url.protocol !== "https:" || !url.hostname.endsWith(".blob.core.windows.net")) {
        return {
          ok: false,
          problem: {
            field: "serviceUrl",
            description: "must be a standard https://<account>.blob.core.windows.net endpoint",
          },
        };
      }
      const container = url.pathname.split("/").find((part) => part !== "");
      const bucketName = body.bucketName ?? container;
      if (bucketName === undefined) {
        return {
          ok: false,
          problem: {
            field: "bucketName",
            description: "is required when serviceUrl names no container",
          },
        };
      }
      const tenant = derivedId(body.roleId, "tenant").padEnd(32, "0");
      return {
        ok: true,
        bucket: {
          _id: id,
          bucketName,
          cloudProvider: "AZURE",
          roleId: body.roleId,
          serviceUrl: body.serviceUrl,
          tenantId: `${tenant.slice(0, 8)}-${tenant.slice(8, 12)}-4${tenant.slice(13, 16)}-8${tenant.slice(17, 20)}-${tenant.slice(20, 32)}`,
        },
      };
    }
    case "GCP":
      return {
        ok: true,
        bucket: { _id: id, bucketName: body.bucketName, cloudProvider: "GCP", roleId: body.roleId },
      };
  }
}
