import type { OperationResult } from "./operation-handler.js";
import { validationError } from "./validation-error.js";
import type { FieldViolation } from "./path-param-violations.js";

/** Atlas's list envelope: one page of `results`, `links` to this and the neighbouring pages, `totalCount`. */
export interface Page<T> {
  links: Array<{ href: string; rel: string }>;
  results: T[];
  /** Omitted with `includeCount=false`. */
  totalCount?: number;
}

export type PageResult<T> = { ok: true; page: Page<T> } | { ok: false; violations: FieldViolation[] };

/** Atlas's limits for `itemsPerPage` (GUIDE §4: default 100, at most 500) and the first `pageNum`. */
export const PAGINATION = { defaultItemsPerPage: 100, maxItemsPerPage: 500 } as const;

/**
 * One page of `items` as a list operation answers it, from the request's `pageNum` (default 1),
 * `itemsPerPage` (default 100, 1–500) and `includeCount` (default true; read like Java's
 * Boolean.parseBoolean, as Atlas reads booleans). A page past the end is empty, not an error.
 * `url` is the request's own URL: links keep its other query parameters.
 */
export function paginate<T>(items: readonly T[], url: URL): PageResult<T> {
  const violations: FieldViolation[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = url.searchParams.get(name);
    if (raw === null) return fallback;
    const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(value >= min && value <= max)) {
      violations.push({
        field: name,
        description:
          max === Number.MAX_SAFE_INTEGER
            ? `must be an integer >= ${min}`
            : `must be an integer from ${min} to ${max}`,
      });
    }
    return value;
  };
  const pageNum = integer("pageNum", 1, 1, Number.MAX_SAFE_INTEGER);
  const itemsPerPage = integer("itemsPerPage", PAGINATION.defaultItemsPerPage, 1, PAGINATION.maxItemsPerPage);
  if (violations.length > 0) return { ok: false, violations };

  const includeCount = url.searchParams.get("includeCount")?.toLowerCase() !== "false";
  const start = (pageNum - 1) * itemsPerPage;
  const results = items.slice(start, start + itemsPerPage);

  const linkTo = (page: number, rel: string): { href: string; rel: string } => {
    const target = new URL(url);
    target.searchParams.delete("pageNum");
    target.searchParams.delete("itemsPerPage");
    target.searchParams.append("pageNum", String(page));
    target.searchParams.append("itemsPerPage", String(itemsPerPage));
    return { href: target.href, rel };
  };
  const links = [linkTo(pageNum, "self")];
  if (pageNum > 1) links.unshift(linkTo(pageNum - 1, "previous"));
  if (start + itemsPerPage < items.length) links.push(linkTo(pageNum + 1, "next"));

  return {
    ok: true,
    page: { links, results, ...(includeCount ? { totalCount: items.length } : {}) },
  };
}

/** A list operation's answer: 200 with one page of `items`, or 400 naming the bad paging parameter. */
export function pageResult(items: readonly unknown[], url: URL): OperationResult {
  const result = paginate(items, url);
  return result.ok
    ? { status: 200, body: result.page }
    : validationError("query parameter", result.violations);
}
