// Builds the new text of spec/openapi.yaml: the fragment with every counted change taken from upstream
// and every deliberate deviation (including the documented examples, which deviations record) kept. The
// components then follow the operations: upstream's new ones are copied in, ones nothing references any
// more are dropped.
import { isDeepStrictEqual } from "node:util";
import { deleteAll, editYamlText, editYamlTextInRuns, valueIn } from "./edit-yaml-text.mjs";
import { forEachRef, parseComponentRef, securitySchemeNames } from "./component-refs.mjs";

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// Collections that must not stay behind empty once their last entry is removed.
const prunable = new Set([
  "properties",
  "headers",
  "content",
  "responses",
  "required",
  "enum",
  "tags",
  "security",
  "parameters",
  "scopes",
]);

function prune(text, path) {
  for (let depth = path.length - 1; depth >= 1; depth--) {
    const parentPath = path.slice(0, depth);
    const value = valueIn(text, parentPath);
    // A block collection whose last entry was cut out reads back as null.
    const empty =
      value === null ||
      (Array.isArray(value) ? value.length === 0 : isObject(value) && Object.keys(value).length === 0);
    const key = String(parentPath.at(-1));
    const isComponentType = parentPath.length === 2 && parentPath[0] === "components";
    if (!empty) return text;
    // An emptied mapping that must stay (e.g. a media type whose schema went) stays as `{}`, not null.
    if (!(prunable.has(key) || isComponentType))
      return value === null ? editYamlText(text, { op: "set", path: parentPath, value: {} }) : text;
    text = editYamlText(text, { op: "delete", path: parentPath });
  }
  return text;
}

function resolveParameter(document, raw) {
  const target = isObject(raw) && typeof raw.$ref === "string" ? parseComponentRef(raw.$ref) : undefined;
  return target ? document.components?.[target.type]?.[target.name] : raw;
}

/** Applies one edit of a difference (see compare-operations.mjs) to the fragment text. */
function applyEdit(text, edit) {
  switch (edit.op) {
    case "set":
    case "append":
      return editYamlText(text, edit);
    case "delete":
      return prune(editYamlText(text, edit), edit.path);
    case "setAdd":
    case "setRemove": {
      const current = valueIn(text, edit.path);
      const list = Array.isArray(current) ? current : [];
      const has = list.some((item) => isDeepStrictEqual(item, edit.value));
      if (edit.op === "setAdd" && has) return text;
      if (edit.op === "setRemove" && !has) return text;
      const next =
        edit.op === "setAdd"
          ? [...list, edit.value]
          : list.filter((item) => !isDeepStrictEqual(item, edit.value));
      if (next.length === 0) return prune(editYamlText(text, { op: "delete", path: edit.path }), edit.path);
      return editYamlText(text, { op: "set", path: edit.path, value: next });
    }
    case "removeParameter": {
      const document = valueIn(text, []);
      const list = valueIn(text, edit.path) ?? [];
      const index = list.findIndex((raw) => {
        const parameter = resolveParameter(document, raw);
        return parameter?.in === edit.in && parameter?.name === edit.name;
      });
      if (index === -1) return text;
      return prune(editYamlText(text, { op: "delete", path: [...edit.path, index] }), [...edit.path, index]);
    }
    default:
      throw new Error(`unknown edit ${JSON.stringify(edit.op)}`);
  }
}

/** The components the listed operations reach in this document, as "type/name" keys. */
function reachableComponents(document, list) {
  const reached = new Set();
  const pending = [];
  const visit = (ref) => {
    const target = parseComponentRef(ref);
    if (!target) return;
    const key = `${target.type}/${target.name}`;
    if (reached.has(key)) return;
    reached.add(key);
    pending.push(target);
  };
  for (const { path, method } of list) {
    const operation = document.paths?.[path]?.[method] ?? {};
    forEachRef(operation, visit);
    forEachRef(document.paths?.[path]?.parameters, visit);
    const security = operation.security ?? document.security ?? [];
    for (const name of securitySchemeNames(security)) visit(`#/components/securitySchemes/${name}`);
  }
  while (pending.length > 0) {
    const { type, name } = pending.shift();
    forEachRef(document.components?.[type]?.[name], visit);
  }
  return reached;
}

/** Copies in the components upstream has that the operations now need, drops the unused ones. */
function syncComponents(text, upstream, list) {
  for (let round = 0; round < 100; round++) {
    const document = valueIn(text, []);
    const missing = [...reachableComponents(document, list)]
      .map((key) => key.split("/"))
      .filter(([type, name]) => document.components?.[type]?.[name] === undefined);
    if (missing.length === 0) break;
    for (const [type, name] of missing) {
      const value = upstream.components[type]?.[name];
      if (value === undefined)
        throw new Error(`the merged spec needs components.${type}.${name}, which upstream lacks`);
      text = editYamlText(text, { op: "set", path: ["components", type, name], value });
    }
  }
  const document = valueIn(text, []);
  const reached = reachableComponents(document, list);
  const unused = Object.entries(document.components ?? {}).flatMap(([type, byName]) =>
    Object.keys(byName ?? {})
      .filter((name) => !reached.has(`${type}/${name}`))
      .map((name) => ["components", type, name]),
  );
  text = deleteAll(text, unused);
  for (const type of new Set(unused.map(([, type]) => type))) text = prune(text, ["components", type, "?"]);
  return text;
}

/**
 * @param {string} text the fragment as it is
 * @param {{changes: any[], deliberate: any[]}} summary from summarizeDifferences
 * @param {import("./extract-operations.mjs").ExtractedSpec} upstream
 * @param {{list: {path: string, method: string}[], upstreamDate?: string}} where
 * @returns {string} the fragment text with upstream's changes taken
 */
export function mergeUpstream(text, summary, upstream, { list, upstreamDate }) {
  // Runs of plain sets and deletes go in with one parse per run; deletes then prune what they emptied.
  const edits = summary.changes.flatMap((change) => change.edits);
  for (let i = 0; i < edits.length;) {
    const run = [];
    while (i < edits.length && (edits[i].op === "set" || edits[i].op === "delete")) run.push(edits[i++]);
    if (run.length > 0) {
      text = editYamlTextInRuns(text, run);
      for (const edit of run) if (edit.op === "delete") text = prune(text, edit.path);
      continue;
    }
    text = applyEdit(text, edits[i++]);
  }
  text = syncComponents(text, upstream, list);

  // Keep what the deviation records say about upstream current.
  const deviations = valueIn(text, ["x-atlas-export-deviations"]) ?? [];
  for (const entry of summary.deliberate) {
    const index = deviations.indexOf(
      deviations.find((deviation) => deviation.location === entry.deviation.location),
    );
    const scalar = typeof entry.to === "string" || typeof entry.to === "number";
    if (
      index !== -1 &&
      entry.location === entry.deviation.location &&
      scalar &&
      "upstream" in deviations[index] &&
      deviations[index].upstream !== entry.to
    )
      text = editYamlText(text, {
        op: "set",
        path: ["x-atlas-export-deviations", index, "upstream"],
        value: entry.to,
      });
  }
  const listed = valueIn(text, ["x-atlas-export-upstream", "operations"]) ?? [];
  upstream.operations.forEach((operation, i) => {
    const id = operation.operation.operationId;
    if (typeof id === "string" && listed[i] && listed[i].upstreamOperationId !== id)
      text = editYamlText(text, {
        op: "set",
        path: ["x-atlas-export-upstream", "operations", i, "upstreamOperationId"],
        value: id,
      });
  });
  if (upstreamDate && valueIn(text, ["x-atlas-export-upstream", "date"]) !== upstreamDate)
    text = editYamlText(text, { op: "set", path: ["x-atlas-export-upstream", "date"], value: upstreamDate });
  return text;
}
