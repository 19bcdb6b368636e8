import { AtlasValidationError } from "./atlas-validation-error.js";
import type { CallOptions } from "./call-operation.js";

/** Per-call options of a list method (`listExportBuckets`, `listBackupExportJobs`, `listReplicaSetBackups`). */
export interface ListOptions extends CallOptions {
  /** Items per page, 1–500 (default 500, Atlas's maximum: walking N items costs ⌈N/500⌉ requests). */
  itemsPerPage?: number;
  /** The page to start from (default 1). */
  pageNum?: number;
  /** Ask Atlas for `totalCount` (default true; without it the walk follows `links`). */
  includeCount?: boolean;
  /** The most pages one walk fetches before it throws (default 10 000): a server may announce pages forever. */
  maxPages?: number;
}

const defaults = {
  itemsPerPage: 500,
  pageNum: 1,
  includeCount: true,
  maxPages: 10_000,
} satisfies Required<Omit<ListOptions, keyof CallOptions>>;

/** Checks a list method's paging options and fills in the defaults; the rest are the call's options. */
export function resolveListOptions(method: string, options: ListOptions) {
  if (typeof options !== "object" || options === null) {
    throw new AtlasValidationError(
      `@atlas-export/client: ${method}(params, options) expects an options object (got ${options === null ? "null" : typeof options})`,
      "options",
      "object",
    );
  }
  const { itemsPerPage, pageNum, includeCount, maxPages, ...callOptions } = options;
  const integer = (name: string, value: number | undefined, fallback: number, max: number): number => {
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new AtlasValidationError(
        `@atlas-export/client: ${method}(params, { ${name} }) must be an integer from 1 to ${max} (got ${String(value)})`,
        name,
        `integer 1..${max}`,
      );
    }
    return value;
  };
  if (includeCount !== undefined && typeof includeCount !== "boolean") {
    throw new AtlasValidationError(
      `@atlas-export/client: ${method}(params, { includeCount }) must be a boolean`,
      "includeCount",
      "boolean",
    );
  }
  return {
    itemsPerPage: integer("itemsPerPage", itemsPerPage, defaults.itemsPerPage, 500),
    pageNum: integer("pageNum", pageNum, defaults.pageNum, Number.MAX_SAFE_INTEGER),
    includeCount: includeCount ?? defaults.includeCount,
    maxPages: integer("maxPages", maxPages, defaults.maxPages, Number.MAX_SAFE_INTEGER),
    callOptions: callOptions satisfies CallOptions,
  };
}
