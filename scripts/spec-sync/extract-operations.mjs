// Cuts the listed operations out of a whole OpenAPI document together with every component they reach,
// transitively, and nothing else. Operations are found by path and method: upstream renamed the
// operationIds (getBackupExportJob -> getGroupClusterBackupExport), so an id identifies nothing there.
import { forEachRef, parseComponentRef, securitySchemeNames } from "./component-refs.mjs";
import { SpecSyncError } from "./spec-sync-error.mjs";

export const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * @typedef {object} OperationEntry one entry of `x-atlas-export-upstream.operations`
 * @property {string} operationId the fragment's operationId
 * @property {string} method lower case
 * @property {string} path
 */

/**
 * @typedef {object} ExtractedOperation
 * @property {string} operationId the fragment's operationId (the name differences are reported under)
 * @property {string} path
 * @property {string} method
 * @property {Record<string, any>} operation the operation object as written (refs kept)
 * @property {any[] | undefined} pathParameters parameters declared on the path item, if any
 * @property {any[] | undefined} security the effective security requirements
 * @property {"operation" | "root" | undefined} securityLevel where the effective security is declared
 * @property {Set<string>} reaches the components the operation reaches, as "type.name"
 */

/**
 * @typedef {object} ExtractedSpec
 * @property {string} name
 * @property {string} openapi
 * @property {ExtractedOperation[]} operations in the order of the list
 * @property {Record<string, Record<string, any>>} components the reached components, by type and name
 * @property {{method: string, path: string, operationId?: string, alias?: string}[]} available operations on
 *   the listed paths that the list does not take
 */

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const label = ({ method, path }) => `${method.toUpperCase()} ${path}`;

/**
 * @param {{name: string, document: Record<string, any>}} spec
 * @param {OperationEntry[]} list
 * @returns {ExtractedSpec}
 */
export function extractOperations({ name, document }, list) {
  const openapi = document.openapi;
  if (typeof openapi !== "string" || !/^3\.\d+\.\d+/.test(openapi))
    throw new SpecSyncError(
      document.swagger !== undefined
        ? `${name} is a Swagger/OpenAPI 2 document (swagger: ${document.swagger}); spec-sync reads OpenAPI 3 Atlas v2 specs.`
        : `${name} is not an OpenAPI 3 document: it has no \`openapi: 3.x.y\` field. Pass a full Atlas v2 spec (YAML or JSON).`,
    );
  const paths = isObject(document.paths) ? document.paths : {};

  /** @type {Record<string, Record<string, any>>} */
  const components = {};

  const operations = list.map((entry) => {
    const { operationId, method, path } = entry;
    const where = `operations.${operationId}`;
    const pathItem = paths[path];
    const operation = isObject(pathItem) ? pathItem[method] : undefined;
    if (!isObject(operation)) {
      const methods = isObject(pathItem)
        ? Object.keys(pathItem).filter((key) => httpMethods.includes(key))
        : [];
      throw new SpecSyncError(
        `${name} has no ${label(entry)} (operation ${operationId})` +
          (methods.length > 0 ? `: the path has ${methods.join(", ")}` : ": the path is missing") +
          ". spec-sync finds each operation by path and method, as x-atlas-export-upstream.operations of" +
          " spec/openapi.yaml lists them; if upstream moved the operation, update that entry.",
      );
    }
    let security = operation.security;
    let securityLevel = security === undefined ? undefined : "operation";
    if (security === undefined) {
      security = document.security;
      securityLevel = security === undefined ? undefined : "root";
    }
    if (security !== undefined && !Array.isArray(security))
      throw new SpecSyncError(`${name}: the security of ${where} must be a list of security requirements.`);

    const reaches = new Set();
    const pending = [];
    const want = (type, componentName, from, via) => {
      const key = `${type}.${componentName}`;
      if (!reaches.has(key)) {
        reaches.add(key);
        pending.push(key);
      }
      if (components[type] && Object.hasOwn(components[type], componentName)) return;
      const value = isObject(document.components?.[type])
        ? document.components[type][componentName]
        : undefined;
      if (value === undefined)
        throw new SpecSyncError(
          `${name}: dangling ${via} "#/components/${type}/${componentName}" in ${from} (operation ${operationId}):` +
            ` the document has no components.${type}.${componentName}. Pass a complete spec, not a fragment of one.`,
        );
      (components[type] ??= {})[componentName] = value;
    };
    const visit = (base) => (ref, _node, via, keys) => {
      const from = [base, ...keys].join(".");
      const kind = via === "mapping" ? "discriminator mapping" : "$ref";
      if (!ref.startsWith("#"))
        throw new SpecSyncError(
          `${name}: external ${kind} "${ref}" in ${from} (operation ${operationId}) is not supported; bundle the` +
            " spec into one file first (e.g. `redocly bundle`).",
        );
      const target = parseComponentRef(ref);
      if (!target)
        throw new SpecSyncError(
          `${name}: ${kind} "${ref}" in ${from} (operation ${operationId}) does not name a component` +
            " (#/components/<type>/<name>).",
        );
      want(target.type, target.name, from, kind);
    };

    forEachRef(operation, visit(where));
    forEachRef(pathItem.parameters, visit(`the parameters of ${path}`));
    for (const scheme of securitySchemeNames(security)) {
      if (!isObject(document.components?.securitySchemes?.[scheme]))
        throw new SpecSyncError(
          `${name}: the security of ${where} names "${scheme}" but components.securitySchemes has no such scheme.`,
        );
      want("securitySchemes", scheme, "security", "$ref");
    }
    while (pending.length > 0) {
      const key = pending.shift();
      const [type, ...rest] = key.split(".");
      forEachRef(components[type][rest.join(".")], visit(`components.${key}`));
    }
    return {
      operationId,
      path,
      method,
      operation,
      pathParameters: pathItem.parameters,
      security,
      securityLevel,
      reaches,
    };
  });

  rejectRefCycles(name, components);

  const taken = new Set(list.map((entry) => `${entry.method} ${entry.path}`));
  const available = [];
  for (const path of new Set(list.map((entry) => entry.path)))
    for (const method of httpMethods) {
      const operation = paths[path]?.[method];
      if (!isObject(operation) || taken.has(`${method} ${path}`)) continue;
      available.push({
        method,
        path,
        operationId: operation.operationId,
        alias: operation["x-xgen-operation-id-override"],
      });
    }

  return { name, openapi, operations, components, available };
}

/**
 * A component that is only a `$ref` to another (an alias) may not lead back to itself: such a chain names
 * no schema at all, and every resolver (this comparison, openapi-typescript, ajv) follows it forever or
 * fails late, far from the cause. Recursion through a schema's structure (properties, items, allOf/oneOf
 * with a discriminator, as upstream's 2024 export bucket union does) is a finite description and allowed.
 */
function rejectRefCycles(name, components) {
  const aliasOf = (key) => {
    const [type, ...rest] = key.split(".");
    const value = components[type]?.[rest.join(".")];
    const target =
      isObject(value) && typeof value.$ref === "string" ? parseComponentRef(value.$ref) : undefined;
    return target ? `${target.type}.${target.name}` : undefined;
  };
  for (const [type, byName] of Object.entries(components))
    for (const start of Object.keys(byName).map((componentName) => `${type}.${componentName}`)) {
      const chain = [start];
      for (let next = aliasOf(start); next !== undefined; next = aliasOf(next)) {
        if (chain.includes(next)) {
          const cycle = [...chain.slice(chain.indexOf(next)), next].map((key) => `components.${key}`);
          throw new SpecSyncError(
            `${name}: $ref cycle ${cycle.join(" -> ")}: each of these components is only a $ref to the next,` +
              " so none of them names a schema. Point one of them at a real definition.",
          );
        }
        chain.push(next);
      }
    }
}
