// Reads every operation of a parsed spec into the plain description the generators render (aliases, the
// operation table, validators), and refuses a spec they could not render faithfully: an operation listed
// in x-atlas-export-upstream but missing, a $ref that resolves nowhere, a media type that is not the
// operation's one versioned Atlas type. Each refusal names the operation and the node, so a maintainer
// knows what to fix; nothing here knows any particular operation.

const METHODS = ["get", "put", "post", "delete", "patch"];
// Atlas versions every request and success body (GUIDE §4); errors are plain JSON.
const VERSIONED_MEDIA_TYPE = /^application\/vnd\.atlas\.\d{4}-\d{2}-\d{2}\+json$/;
const ERROR_MEDIA_TYPE = "application/json";
// An operationId becomes part of TypeScript names (`<OperationId>Params`) and of object keys.
const OPERATION_ID = /^[a-z][A-Za-z0-9]*$/;

/** A problem with the spec that the generator refuses to paper over; `message` names operation and node. */
export class SpecError extends Error {
  name = "SpecError";
}

/** RFC 6901 §3 segment encoding ("~" as "~0", "/" as "~1"). */
export function pointerSegment(key) {
  return String(key).replaceAll("~", "~0").replaceAll("/", "~1");
}

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The node a local `#/...` pointer names, or throws naming `where` (the node that holds the $ref). */
export function resolvePointer(spec, ref, where) {
  if (typeof ref !== "string" || !ref.startsWith("#/")) {
    throw new SpecError(`${where}: $ref ${JSON.stringify(ref)} is not a local reference ("#/...")`);
  }
  let node = spec;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isObject(node) || !Object.hasOwn(node, key)) {
      throw new SpecError(`${where}: $ref ${ref} does not resolve (no "${key}")`);
    }
    node = node[key];
  }
  return node;
}

/** Follows a chain of $refs from `node`; returns the object it ends at and the $ref it came through. */
export function followRefs(spec, node, where) {
  const seen = new Set();
  let current = node;
  let ref;
  while (isObject(current) && typeof current.$ref === "string") {
    if (seen.has(current.$ref)) throw new SpecError(`${where}: $ref cycle through ${current.$ref}`);
    seen.add(current.$ref);
    ref ??= current.$ref;
    current = resolvePointer(spec, current.$ref, where);
  }
  if (!isObject(current))
    throw new SpecError(`${where}: expected an object, found ${JSON.stringify(current)}`);
  return { node: current, ref };
}

/** Every $ref anywhere below `node`, with the JSON pointer of the object that holds it. */
function* refsBelow(node, pointer) {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) yield* refsBelow(item, `${pointer}/${index}`);
  } else if (isObject(node)) {
    if (typeof node.$ref === "string") yield { ref: node.$ref, pointer };
    for (const [key, value] of Object.entries(node))
      yield* refsBelow(value, `${pointer}/${pointerSegment(key)}`);
  }
}

/** `getBackupExportJob` -> `GetBackupExportJob`: the prefix of the operation's generated alias names. */
export function typeNamePrefix(operationId) {
  return operationId[0].toUpperCase() + operationId.slice(1);
}

/**
 * @typedef {object} ParameterInfo
 * @property {string} name
 * @property {object} schema  the resolved schema object
 * @property {string} pointer where the schema lives (for messages)
 *
 * @typedef {object} OperationInfo
 * @property {string} operationId
 * @property {string} method            lower case, as in the spec ("get")
 * @property {string} path              the path template
 * @property {string} pointer           `#/paths/.../get`
 * @property {string} summary
 * @property {ParameterInfo[]} pathParameters   in the order of the path template
 * @property {ParameterInfo[]} queryParameters
 * @property {{ mediaType: string, required: boolean, schema: object | undefined } | null} requestBody
 * @property {{ status: number, mediaType: string, schema: object | undefined }} success
 *           `schema` is the media type's schema node as written (possibly a $ref), undefined for no body
 * @property {boolean} paginated         takes pageNum and itemsPerPage and answers `{ results: [...] }`
 */

/**
 * Every operation of the spec, sorted by operationId. Throws a SpecError naming the operation and the
 * node for anything the generators cannot render as the spec means it.
 * @returns {OperationInfo[]}
 */
export function readOperations(spec) {
  if (!isObject(spec) || !isObject(spec.paths)) throw new SpecError(`the spec has no "paths" object`);

  const operations = [];
  const seenIds = new Map();
  for (const [path, pathItem] of Object.entries(spec.paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const pointer = `#/paths/${pointerSegment(path)}/${method}`;
      const operationId = operation.operationId;
      if (typeof operationId !== "string" || !OPERATION_ID.test(operationId)) {
        throw new SpecError(
          `${method.toUpperCase()} ${path} (${pointer}/operationId): operationId ${JSON.stringify(operationId)} ` +
            `must be a camelCase identifier such as getBackupExportJob`,
        );
      }
      if (seenIds.has(operationId)) {
        throw new SpecError(
          `operation ${operationId}: ${pointer} repeats the operationId of ${seenIds.get(operationId)}`,
        );
      }
      seenIds.set(operationId, pointer);
      checkRefsReachedFrom(spec, operationId, operation, pointer);
      operations.push(readOperation(spec, { path, method, pointer, operationId, operation, pathItem }));
    }
  }
  // $refs no operation reaches (unused components) must resolve too: openapi-typescript renders them all.
  for (const { ref, pointer } of refsBelow(spec, "#")) resolvePointer(spec, ref, pointer);
  checkUpstreamList(spec, operations);
  return operations.sort((a, b) => a.operationId.localeCompare(b.operationId));
}

/**
 * A `discriminator` only selects among `oneOf`/`anyOf` branches (OpenAPI 3.0 §4.7.25). Written on a shared
 * base object that its subtypes `allOf` (upstream's style), openapi-typescript types the base as a plain
 * object — `{ cloudProvider, links }`, which refuses every real bucket body as excess properties — and ajv
 * has nothing to select. And each mapped branch must itself allow only its mapped value: otherwise the
 * TypeScript union is not discriminated (an AWS body with `cloudProvider: "GCP"` type-checks) and a body
 * can fit two branches, which `oneOf` (Prism, ajv) refuses (an Azure bucket also fits the GCP shape).
 */
function checkDiscriminator(spec, operationId, schema, ref) {
  if (schema === null || typeof schema !== "object" || schema.discriminator === undefined) return;
  const mapping = Object.entries(schema.discriminator?.mapping ?? {});
  const branches = schema.oneOf ?? schema.anyOf;
  if (!Array.isArray(branches)) {
    throw new SpecError(
      `operation ${operationId}: ${ref}/discriminator: a discriminator without oneOf types ${ref} as one ` +
        `object, not as the union of ${mapping.map(([, target]) => target).join(", ") || "its subtypes"}; give the ` +
        `union a schema of its own (oneOf the subtypes, with this discriminator) and keep the discriminator ` +
        `off the base the subtypes allOf`,
    );
  }
  const property = schema.discriminator.propertyName;
  for (const [value, target] of mapping) {
    const values = mapping.filter(([, other]) => other === target).map(([v]) => v);
    const allowed = allowedValues(spec, { $ref: target }, property, `operation ${operationId}: ${ref}`);
    if (!allowed || allowed.some((v) => !values.includes(v))) {
      throw new SpecError(
        `operation ${operationId}: ${target}: the discriminator of ${ref} maps ${property} ${value} here, but ` +
          `${target} allows ${property} ${allowed ? allowed.join(", ") : "any value"}; declare ` +
          `${property}: { type: string, enum: [${values.join(", ")}] } in ${target} so TypeScript can tell ` +
          `the variants apart and one body fits one branch`,
      );
    }
  }
}

/** The narrowest `enum` any part of the schema (through $refs and allOf) gives `property`; undefined: any. */
function allowedValues(spec, node, property, where) {
  const { node: schema } = followRefs(spec, node, where);
  let narrowest;
  const consider = (values) => {
    if (Array.isArray(values) && (!narrowest || values.length < narrowest.length)) narrowest = values;
  };
  consider(schema.properties?.[property]?.enum);
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
    consider(allowedValues(spec, part, property, where));
  }
  return narrowest;
}

/**
 * Resolves every $ref the operation reaches, through components and their own $refs, so a broken one is
 * reported with the operation that needs it and the node that holds it.
 */
function checkRefsReachedFrom(spec, operationId, operation, pointer) {
  const visited = new Set();
  const pending = [{ node: operation, pointer }];
  while (pending.length > 0) {
    const { node, pointer: at } = pending.pop();
    for (const { ref, pointer: holder } of refsBelow(node, at)) {
      const target = resolvePointer(spec, ref, `operation ${operationId}: ${holder}`);
      checkDiscriminator(spec, operationId, target, ref);
      if (!visited.has(ref)) {
        visited.add(ref);
        pending.push({ node: target, pointer: ref });
      }
    }
  }
}

function readOperation(spec, { path, method, pointer, operationId, operation, pathItem }) {
  const where = (node) => `operation ${operationId}: ${pointer}${node}`;
  const parameters = [
    ...(Array.isArray(pathItem.parameters)
      ? pathItem.parameters.map((p, i) => [p, `#/paths/${pointerSegment(path)}/parameters/${i}`])
      : []),
    ...(Array.isArray(operation.parameters)
      ? operation.parameters.map((p, i) => [p, `${pointer}/parameters/${i}`])
      : []),
  ].map(([parameterOrRef, at]) => {
    const { node, ref } = followRefs(spec, parameterOrRef, `operation ${operationId}: ${at}`);
    const schemaAt = `${ref ?? at}/schema`;
    if (typeof node.name !== "string" || typeof node.in !== "string") {
      throw new SpecError(`operation ${operationId}: ${ref ?? at}: a parameter needs "name" and "in"`);
    }
    if (node.schema === undefined)
      throw new SpecError(`operation ${operationId}: ${ref ?? at}: parameter ${node.name} has no schema`);
    const schema = followRefs(spec, node.schema, `operation ${operationId}: ${schemaAt}`).node;
    return { name: node.name, in: node.in, schema, pointer: schemaAt };
  });

  const templateNames = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  const pathParameters = templateNames.map((name) => {
    const parameter = parameters.find((p) => p.in === "path" && p.name === name);
    if (!parameter)
      throw new SpecError(
        where(`/parameters: the path template has {${name}} but no path parameter ${name} is declared`),
      );
    return { name, schema: parameter.schema, pointer: parameter.pointer };
  });
  for (const parameter of parameters) {
    if (parameter.in === "path" && !templateNames.includes(parameter.name)) {
      throw new SpecError(
        where(`/parameters: path parameter ${parameter.name} is not in the path template ${path}`),
      );
    }
  }
  const queryParameters = parameters
    .filter((p) => p.in === "query")
    .map(({ name, schema, pointer: at }) => ({ name, schema, pointer: at }));

  const requestBody = readRequestBody(spec, operationId, operation, pointer);
  const success = readSuccess(spec, operationId, operation, pointer);
  checkErrorMediaTypes(spec, operationId, operation, pointer);
  if (requestBody && requestBody.mediaType !== success.mediaType) {
    throw new SpecError(
      where(`/requestBody/content`) +
        `: the request uses ${requestBody.mediaType} but the ${success.status} response ${success.mediaType}; ` +
        `an operation has one Atlas version`,
    );
  }
  const queryNames = queryParameters.map((p) => p.name);
  const paginated =
    queryNames.includes("pageNum") &&
    queryNames.includes("itemsPerPage") &&
    hasResultsArray(spec, success.schema, where);
  return {
    operationId,
    method,
    path,
    pointer,
    summary: typeof operation.summary === "string" ? operation.summary : "",
    pathParameters,
    queryParameters,
    requestBody,
    success,
    paginated,
  };
}

function readRequestBody(spec, operationId, operation, pointer) {
  if (operation.requestBody === undefined) return null;
  const at = `${pointer}/requestBody`;
  const { node, ref } = followRefs(spec, operation.requestBody, `operation ${operationId}: ${at}`);
  const contentAt = `${ref ?? at}/content`;
  const [mediaType, media] = onlyVersionedContent(operationId, node.content, contentAt, "the request body");
  if (!isObject(media) || media.schema === undefined) {
    throw new SpecError(
      `operation ${operationId}: ${contentAt}/${pointerSegment(mediaType)}: the request body has no schema`,
    );
  }
  return { mediaType, required: node.required === true, schema: media.schema };
}

function readSuccess(spec, operationId, operation, pointer) {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const statuses = Object.keys(responses).filter((status) => /^2\d\d$/.test(status));
  if (statuses.length !== 1) {
    throw new SpecError(
      `operation ${operationId}: ${pointer}/responses: needs exactly one 2xx response, found ` +
        (statuses.length === 0 ? "none" : statuses.join(", ")),
    );
  }
  const status = statuses[0];
  const at = `${pointer}/responses/${status}`;
  const { node, ref } = followRefs(spec, responses[status], `operation ${operationId}: ${at}`);
  const contentAt = `${ref ?? at}/content`;
  // Even a 204 names its version: Atlas wants it in Accept for every call.
  const [mediaType, media] = onlyVersionedContent(
    operationId,
    node.content,
    contentAt,
    `the ${status} response`,
  );
  const schema = isObject(media) ? media.schema : undefined;
  if (status === "204" && schema !== undefined) {
    throw new SpecError(
      `operation ${operationId}: ${contentAt}/${pointerSegment(mediaType)}/schema: a 204 response has no body`,
    );
  }
  if (status !== "204" && schema === undefined) {
    throw new SpecError(
      `operation ${operationId}: ${contentAt}/${pointerSegment(mediaType)}: the ${status} response has no schema`,
    );
  }
  return { status: Number(status), mediaType, schema };
}

function onlyVersionedContent(operationId, content, contentAt, what) {
  const entries = isObject(content) ? Object.entries(content) : [];
  const wrong = entries.find(([mediaType]) => !VERSIONED_MEDIA_TYPE.test(mediaType));
  if (wrong) {
    throw new SpecError(
      `operation ${operationId}: ${contentAt}/${pointerSegment(wrong[0])}: ${what} uses media type ${wrong[0]}, ` +
        `not a versioned Atlas type such as application/vnd.atlas.2023-01-01+json`,
    );
  }
  if (entries.length !== 1) {
    throw new SpecError(
      `operation ${operationId}: ${contentAt}: ${what} needs exactly one versioned media type, found ` +
        (entries.length === 0 ? "none" : entries.map(([mediaType]) => mediaType).join(", ")),
    );
  }
  return entries[0];
}

function checkErrorMediaTypes(spec, operationId, operation, pointer) {
  for (const [status, responseOrRef] of Object.entries(operation.responses ?? {})) {
    if (/^2\d\d$/.test(status)) continue;
    const at = `${pointer}/responses/${status}`;
    const { node, ref } = followRefs(spec, responseOrRef, `operation ${operationId}: ${at}`);
    for (const mediaType of Object.keys(isObject(node.content) ? node.content : {})) {
      if (mediaType !== ERROR_MEDIA_TYPE) {
        throw new SpecError(
          `operation ${operationId}: ${ref ?? at}/content/${pointerSegment(mediaType)}: the ${status} response ` +
            `uses media type ${mediaType}; Atlas sends errors as ${ERROR_MEDIA_TYPE}`,
        );
      }
    }
  }
}

function hasResultsArray(spec, schemaOrRef, where) {
  if (schemaOrRef === undefined) return false;
  const { node } = followRefs(spec, schemaOrRef, where("/responses"));
  const results = isObject(node.properties) ? node.properties.results : undefined;
  return results !== undefined && followRefs(spec, results, where("/responses")).node.type === "array";
}

/** Every operation `x-atlas-export-upstream.operations` lists must exist, with its method and path. */
function checkUpstreamList(spec, operations) {
  const listed = spec["x-atlas-export-upstream"]?.operations;
  if (listed === undefined) return;
  if (!Array.isArray(listed)) throw new SpecError(`#/x-atlas-export-upstream/operations must be a list`);
  for (const [index, entry] of listed.entries()) {
    const at = `#/x-atlas-export-upstream/operations/${index}`;
    const found = operations.find((operation) => operation.operationId === entry?.operationId);
    if (!found) {
      throw new SpecError(
        `operation ${entry?.operationId}: listed at ${at} but missing from #/paths ` +
          `(expected ${String(entry?.method).toUpperCase()} ${entry?.path})`,
      );
    }
    if (found.method !== String(entry.method).toLowerCase() || found.path !== entry.path) {
      throw new SpecError(
        `operation ${entry.operationId}: ${at} lists ${String(entry.method).toUpperCase()} ${entry.path}, ` +
          `but ${found.pointer} is ${found.method.toUpperCase()} ${found.path}`,
      );
    }
  }
}
