// Cuts one operation out of a whole OpenAPI document together with every component it references,
// transitively, and nothing else. The operation is found by path and method: upstream renamed the
// operationId (getBackupExportJob -> getGroupClusterBackupExport), so the id identifies nothing.
import { forEachRef, parseComponentRef, securitySchemeNames } from "./component-refs.mjs";
import { SpecSyncError } from "./spec-sync-error.mjs";

/**
 * @typedef {object} ExtractedOperation
 * @property {string} openapi
 * @property {string} path
 * @property {string} method
 * @property {Record<string, any>} operation the operation object as written (refs kept)
 * @property {any[] | undefined} pathParameters parameters declared on the path item, if any
 * @property {any[] | undefined} security the effective security requirements
 * @property {"operation" | "root" | undefined} securityLevel where the effective security is declared
 * @property {Record<string, Record<string, any>>} components the referenced components, by type and name
 */

/**
 * @param {import("./load-spec.mjs").SpecReader} reader
 * @param {{path: string, method: string}} where
 * @returns {ExtractedOperation}
 */
export function extractOperation(reader, { path, method }) {
  const name = reader.name;
  // "Not found" answers are confirmed with a whole parse, so a shortcut can never invent bad input.
  const confirmed = (keys) => reader.get(keys) ?? reader.parsed().get(keys);

  const openapi = confirmed(["openapi"]);
  if (typeof openapi !== "string" || !/^3\.\d+\.\d+/.test(openapi)) {
    const swagger = reader.parsed().get(["swagger"]);
    throw new SpecSyncError(
      swagger !== undefined
        ? `${name} is a Swagger/OpenAPI 2 document (swagger: ${swagger}); spec-sync reads OpenAPI 3 Atlas v2 specs.`
        : `${name} is not an OpenAPI 3 document: it has no \`openapi: 3.x.y\` field. Pass a full Atlas v2 spec (YAML or JSON).`,
    );
  }

  const methodKey = method.toLowerCase();
  const operation = confirmed(["paths", path, methodKey]);
  if (operation === null || typeof operation !== "object" || Array.isArray(operation)) {
    const pathItem = confirmed(["paths", path]);
    const methods =
      pathItem && typeof pathItem === "object"
        ? Object.keys(pathItem).filter((key) => /^(get|put|post|delete|options|head|patch|trace)$/.test(key))
        : [];
    throw new SpecSyncError(
      `${name} has no ${methodKey.toUpperCase()} ${path}` +
        (methods.length > 0 ? ` (the path has ${methods.join(", ")})` : " (the path is missing)") +
        ". spec-sync finds the operation by path and method, as recorded in x-atlas-export-upstream of" +
        " spec/openapi.yaml; if upstream moved the operation, update that block.",
    );
  }

  const pathParameters = reader.get(["paths", path, "parameters"]);
  let security = operation.security;
  let securityLevel = security === undefined ? undefined : "operation";
  if (security === undefined) {
    security = reader.get(["security"]);
    securityLevel = security === undefined ? undefined : "root";
  }
  if (security !== undefined && !Array.isArray(security))
    throw new SpecSyncError(`${name}: security must be a list of security requirements.`);

  /** @type {Record<string, Record<string, any>>} */
  const components = {};
  const pending = [];
  const want = (type, componentName, from) => {
    if (components[type] && Object.hasOwn(components[type], componentName)) return;
    const value = confirmed(["components", type, componentName]);
    if (value === undefined)
      throw new SpecSyncError(
        `${name}: dangling $ref "#/components/${type}/${componentName}" (used in ${from}): the document has no` +
          ` components.${type}.${componentName}. Pass a complete spec, not a fragment of one.`,
      );
    (components[type] ??= {})[componentName] = value;
    pending.push({ value, from: `components.${type}.${componentName}` });
  };
  const visit = (from) => (ref) => {
    if (!ref.startsWith("#"))
      throw new SpecSyncError(
        `${name}: external $ref "${ref}" (in ${from}) is not supported; bundle the spec into one file first` +
          " (e.g. `redocly bundle`).",
      );
    const target = parseComponentRef(ref);
    if (!target)
      throw new SpecSyncError(
        `${name}: $ref "${ref}" (in ${from}) does not name a component (#/components/<type>/<name>).`,
      );
    want(target.type, target.name, from);
  };

  forEachRef(operation, visit(`${methodKey.toUpperCase()} ${path}`));
  forEachRef(pathParameters, visit(`the parameters of ${path}`));
  for (const scheme of securitySchemeNames(security)) {
    if (confirmed(["components", "securitySchemes", scheme]) === undefined)
      throw new SpecSyncError(
        `${name}: security requirement names "${scheme}" but components.securitySchemes has no such scheme.`,
      );
    want("securitySchemes", scheme, "security");
  }
  while (pending.length > 0) {
    const { value, from } = pending.shift();
    forEachRef(value, visit(from));
  }

  return { openapi, path, method: methodKey, operation, pathParameters, security, securityLevel, components };
}
