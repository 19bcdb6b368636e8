/** How one operation of the spec is sent and answered: an entry of the generated `operationTable`. */
export interface OperationDescriptor {
  /** The HTTP method, upper case as `Request.method` has it. */
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path template, e.g. `/api/atlas/v2/groups/{groupId}/backup/exportBuckets`. */
  readonly path: string;
  /** The names of the path template's parameters, in path order. */
  readonly pathParameters: readonly string[];
  /** The names of the query parameters the operation documents. */
  readonly queryParameters: readonly string[];
  /** The versioned media type of the request body (`Content-Type`); null when it takes none. */
  readonly requestMediaType: string | null;
  /** The versioned media type to send in `Accept` and of the success body (a 204 names one too). */
  readonly responseMediaType: string;
  /** The one 2xx status the operation documents (204: no body). */
  readonly successStatus: number;
  /** Takes `pageNum`/`itemsPerPage` and answers `{ results, totalCount, links }`. */
  readonly paginated: boolean;
}
