// Compares the fragment's operations (side "a", current) with upstream's (side "b", new) and lists every
// semantic difference as a record with a location, a kind seen from upstream (added = upstream has it,
// the fragment does not) and the edit that would make the fragment say what upstream says.
//
// Locations (the scheme of x-atlas-export-deviations): `operations.<operationId>.<key>...` for an
// operation, with inline parameters addressed as `operations.<operationId>.parameters.<in>.<name>...` and
// the effective security as `operations.<operationId>.security.<Scheme>[+<Scheme>]`; a `$ref` to a component
// (on both sides, including a parameter both sides take from the same component and the variants a
// `discriminator.mapping` names) continues at `<componentType>.<Name>...` (`schemas.`, `parameters.`,
// `responses.`, `headers.`, `securitySchemes.`, ...), so a component shared by several operations is
// compared, and reported, once. `example` and `examples` of a node are compared together at
// `<node>.examples` (or `<node>.example` when neither side has `examples`).
import { isDeepStrictEqual } from "node:util";
import { parseComponentRef } from "./component-refs.mjs";

/** Extensions that are tooling metadata of MongoDB's spec pipeline, not API: never compared. */
function isIgnoredKey(key) {
  return key.startsWith("x-xgen-") || key === "x-codeSamples" || key.startsWith("x-atlas-export-");
}

// Keys whose value maps user-chosen names to nodes (so a property called "example" is just a name).
const nameMapKeys = new Set([
  "properties",
  "content",
  "headers",
  "responses",
  "scopes",
  "links",
  "encoding",
  "callbacks",
  "mapping",
]);
// Arrays whose order carries no meaning: compared value by value.
const setKeys = new Set(["enum", "required", "tags"]);
const schemaListKeys = new Set(["allOf", "anyOf", "oneOf"]);
// Keys whose `false` means the same as leaving them out (OpenAPI 3.0 defaults).
const falseByDefault = new Set([
  "required",
  "nullable",
  "readOnly",
  "writeOnly",
  "deprecated",
  "allowEmptyValue",
  "uniqueItems",
  "exclusiveMinimum",
  "exclusiveMaximum",
]);

function present(node, key) {
  return Object.hasOwn(node, key) && !(falseByDefault.has(key) && node[key] === false);
}

/**
 * @typedef {object} Difference
 * @property {string} location
 * @property {"added" | "removed" | "changed"} kind seen from upstream: added = only upstream has it
 * @property {string} key the last key of the location ("description", "maxLength", a property name, ...)
 * @property {"operation" | "request" | "response" | "security"} context who the node is for
 * @property {string} what what the location names: "value", "entry:<mapKey>", "item:<setKey>",
 *   "parameter", "security", "examples", "ref"
 * @property {string} [operationId] the operation whose own node this is (components: none)
 * @property {unknown} [from] the fragment's value
 * @property {unknown} [to] upstream's value
 * @property {Record<string, unknown>} [facts] extra facts for the classification (e.g. required)
 * @property {object[]} edits how to make the fragment document say what upstream says
 */

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function refOf(node) {
  return isObject(node) && typeof node.$ref === "string" ? parseComponentRef(node.$ref) : undefined;
}

function requirementId(requirement) {
  return (
    Object.keys(requirement ?? {})
      .sort()
      .join("+") || "(none)"
  );
}

class Comparison {
  /**
   * @param {import("./extract-operations.mjs").ExtractedSpec} a the fragment
   * @param {import("./extract-operations.mjs").ExtractedSpec} b upstream
   */
  constructor(a, b) {
    this.a = a;
    this.b = b;
    /** @type {Difference[]} */
    this.differences = [];
    this.visited = new Set();
    /** the operation being compared, for differences in its own nodes */
    this.operationId = undefined;
  }

  add(difference) {
    const own = difference.location.startsWith("operations.");
    this.differences.push(own ? { ...difference, operationId: this.operationId } : difference);
  }

  /** Follows a component `$ref` on one side: the node and its path in that side's document. */
  resolve(side, node, path) {
    const target = refOf(node);
    if (!target) return { node, path };
    const value = this[side].components[target.type]?.[target.name];
    return { node: value, path: ["components", target.type, target.name], target };
  }

  node(a, b, location, path, context, key) {
    const refA = refOf(a);
    const refB = refOf(b);
    if (refA && refB) {
      if (refA.type === refB.type && refA.name === refB.name) {
        const componentLocation = `${refA.type}.${refA.name}`;
        const seen = `${componentLocation} ${context}`;
        if (this.visited.has(seen)) return;
        this.visited.add(seen);
        const componentPath = ["components", refA.type, refA.name];
        this.node(
          this.a.components[refA.type][refA.name],
          this.b.components[refB.type][refB.name],
          componentLocation,
          componentPath,
          context,
          key,
        );
        return;
      }
      this.add({
        location,
        kind: "changed",
        key,
        context,
        what: "ref",
        from: a.$ref,
        to: b.$ref,
        edits: [{ op: "set", path, value: b }],
      });
      return;
    }
    // A reference on one side only is the same API when the contents agree: compare the contents.
    if (refA) {
      const resolved = this.resolve("a", a, path);
      return this.node(resolved.node, b, location, resolved.path, context, key);
    }
    if (refB) return this.node(a, this.resolve("b", b, path).node, location, path, context, key);
    this.value(a, b, location, path, context, key);
  }

  value(a, b, location, path, context, key) {
    if (isObject(a) && isObject(b)) return this.object(a, b, location, path, context);
    if (isDeepStrictEqual(a, b)) return;
    this.add({
      location,
      kind: "changed",
      key,
      context,
      what: "value",
      from: a,
      to: b,
      edits: [{ op: "set", path, value: b }],
    });
  }

  object(a, b, location, path, context) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    if (keys.includes("example") || keys.includes("examples")) this.examples(a, b, location, path, context);
    for (const key of keys) {
      if (key === "example" || key === "examples" || isIgnoredKey(key)) continue;
      this.entry(a, b, key, `${location}.${key}`, [...path, key], context, "value");
    }
  }

  /** One key of a mapping present on either side. */
  entry(a, b, key, location, path, context, what) {
    const inA = present(a, key);
    const inB = present(b, key);
    if (!inA && !inB) return;
    // A whole map of names or list of names on one side only is compared name by name ("a header
    // removed", "a field now required"), not as one opaque value. `enum` is not: no enum = any value.
    const only = inA ? a[key] : b[key];
    if ((!inA || !inB) && what === "value" && nameMapKeys.has(key) && isObject(only))
      return this.entry(
        { [key]: inA ? a[key] : {} },
        { [key]: inB ? b[key] : {} },
        key,
        location,
        path,
        context,
        what,
      );
    if ((!inA || !inB) && what === "value" && setKeys.has(key) && key !== "enum" && Array.isArray(only))
      return this.set(inA ? a[key] : [], inB ? b[key] : [], key, location, path, context);
    if (!inA || !inB) {
      const resolvedB = inB ? this.resolve("b", b[key], path).node : undefined;
      this.add({
        location,
        kind: inB ? "added" : "removed",
        key,
        context,
        what,
        from: a[key],
        to: b[key],
        facts: { required: isObject(resolvedB) && resolvedB.required === true },
        edits: [inB ? { op: "set", path, value: b[key] } : { op: "delete", path }],
      });
      return;
    }
    const valueA = a[key];
    const valueB = b[key];
    // A discriminator mapping names the variant components: the same name on both sides is compared as
    // the component it names.
    if (what === "entry:mapping" && typeof valueA === "string" && valueA === valueB)
      return this.node({ $ref: valueA }, { $ref: valueB }, location, path, context, key);
    if (what.startsWith("entry:")) return this.node(valueA, valueB, location, path, context, key);
    if (nameMapKeys.has(key) && isObject(valueA) && isObject(valueB)) {
      const names = [...new Set([...Object.keys(valueA), ...Object.keys(valueB)])];
      for (const name of names) {
        if (isIgnoredKey(name)) continue;
        this.entry(valueA, valueB, name, `${location}.${name}`, [...path, name], context, `entry:${key}`);
      }
      return;
    }
    if (setKeys.has(key) && Array.isArray(valueA) && Array.isArray(valueB))
      return this.set(valueA, valueB, key, location, path, context);
    if (
      schemaListKeys.has(key) &&
      Array.isArray(valueA) &&
      Array.isArray(valueB) &&
      valueA.length === valueB.length
    ) {
      valueA.forEach((item, i) => this.node(item, valueB[i], `${location}.${i}`, [...path, i], context, key));
      return;
    }
    this.node(valueA, valueB, location, path, context, key);
  }

  set(a, b, key, location, path, context) {
    const has = (list, value) => list.some((item) => isDeepStrictEqual(item, value));
    for (const value of b)
      if (!has(a, value))
        this.add({
          location: `${location}.${value}`,
          kind: "added",
          key,
          context,
          what: `item:${key}`,
          to: value,
          edits: [{ op: "setAdd", path, value }],
        });
    for (const value of a)
      if (!has(b, value))
        this.add({
          location: `${location}.${value}`,
          kind: "removed",
          key,
          context,
          what: `item:${key}`,
          from: value,
          edits: [{ op: "setRemove", path, value }],
        });
  }

  /** `example` and `examples` together: upstream's single `example` may be kept as a named example. */
  examples(a, b, location, path, context) {
    const pick = (node) => ({
      ...(Object.hasOwn(node, "example") ? { example: node.example } : {}),
      ...(Object.hasOwn(node, "examples") ? { examples: node.examples } : {}),
    });
    const fromA = pick(a);
    const fromB = pick(b);
    if (isDeepStrictEqual(fromA, fromB)) return;
    const key = "examples" in fromA || "examples" in fromB ? "examples" : "example";
    const edits = [
      { op: "delete", path: [...path, "example"] },
      { op: "delete", path: [...path, "examples"] },
      ...Object.entries(fromB).map(([name, value]) => ({ op: "set", path: [...path, name], value })),
    ];
    const emptyA = Object.keys(fromA).length === 0;
    const emptyB = Object.keys(fromB).length === 0;
    this.add({
      location: `${location}.${key}`,
      kind: emptyA ? "added" : emptyB ? "removed" : "changed",
      key,
      context,
      what: "examples",
      from: emptyA ? undefined : fromA,
      to: emptyB ? undefined : fromB,
      edits,
    });
  }

  /**
   * Parameters are matched by `in` and `name`. One both sides take from the same component is compared as
   * that component (once for every operation); any other pair is compared under the operation.
   */
  parameters(opA, opB, location) {
    const collect = (side, extracted) => {
      const operationPath = ["paths", extracted.path, extracted.method, "parameters"];
      const byKey = new Map();
      const add = (list, listPath) => {
        (list ?? []).forEach((raw, index) => {
          const { node, path } = this.resolve(side, raw, [...listPath, index]);
          if (!isObject(node)) return;
          const id = `${node.in}.${node.name}`;
          if (!byKey.has(id)) byKey.set(id, { raw, node, path });
        });
      };
      add(extracted.operation.parameters, operationPath);
      add(extracted.pathParameters, ["paths", extracted.path, "parameters"]);
      return { byKey, operationPath };
    };
    const a = collect("a", opA);
    const b = collect("b", opB);
    for (const id of new Set([...a.byKey.keys(), ...b.byKey.keys()])) {
      const inA = a.byKey.get(id);
      const inB = b.byKey.get(id);
      const parameterLocation = `${location}.${id}`;
      if (inA && inB) {
        const refA = refOf(inA.raw);
        const refB = refOf(inB.raw);
        if (refA && refB && refA.type === refB.type && refA.name === refB.name)
          this.node(inA.raw, inB.raw, parameterLocation, inA.path, "request", "parameter");
        else this.value(inA.node, inB.node, parameterLocation, inA.path, "request", "parameter");
        continue;
      }
      const [where, ...nameParts] = id.split(".");
      this.add({
        location: parameterLocation,
        kind: inB ? "added" : "removed",
        key: nameParts.join("."),
        context: "request",
        what: "parameter",
        from: inA?.raw,
        to: inB?.raw,
        facts: { required: inB ? inB.node.required === true || where === "path" : false },
        edits: [
          inB
            ? { op: "append", path: a.operationPath, value: inB.raw }
            : { op: "removeParameter", path: a.operationPath, in: where, name: nameParts.join(".") },
        ],
      });
    }
  }

  /** The effective security requirements, then the schemes both sides use. */
  security(opA, opB, location) {
    const listA = opA.security ?? [];
    const listB = opB.security ?? [];
    const path =
      opA.securityLevel === "operation" ? ["paths", opA.path, opA.method, "security"] : ["security"];
    const idsA = new Map(listA.map((requirement) => [requirementId(requirement), requirement]));
    const idsB = new Map(listB.map((requirement) => [requirementId(requirement), requirement]));
    for (const [id, requirement] of idsB)
      if (!idsA.has(id) || !isDeepStrictEqual(idsA.get(id), requirement))
        this.add({
          location: `${location}.${id}`,
          kind: idsA.has(id) ? "changed" : "added",
          key: id,
          context: "security",
          what: "security",
          from: idsA.get(id),
          to: requirement,
          edits: [
            ...(idsA.has(id) ? [{ op: "setRemove", path, value: idsA.get(id) }] : []),
            { op: "setAdd", path, value: requirement },
          ],
        });
    for (const [id, requirement] of idsA)
      if (!idsB.has(id))
        this.add({
          location: `${location}.${id}`,
          kind: "removed",
          key: id,
          context: "security",
          what: "security",
          from: requirement,
          edits: [{ op: "setRemove", path, value: requirement }],
        });
    const schemesA = this.a.components.securitySchemes ?? {};
    const schemesB = this.b.components.securitySchemes ?? {};
    for (const name of Object.keys(schemesA)) {
      if (!Object.hasOwn(schemesB, name) || this.visited.has(`securitySchemes.${name}`)) continue;
      this.visited.add(`securitySchemes.${name}`);
      this.node(
        schemesA[name],
        schemesB[name],
        `securitySchemes.${name}`,
        ["components", "securitySchemes", name],
        "security",
        name,
      );
    }
  }

  operation(opA, opB) {
    this.operationId = opA.operationId;
    const location = `operations.${opA.operationId}`;
    const a = opA.operation;
    const b = opB.operation;
    const path = ["paths", opA.path, opA.method];
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    if (keys.includes("example") || keys.includes("examples"))
      this.examples(a, b, location, path, "operation");
    for (const key of keys) {
      if (isIgnoredKey(key) || key === "security" || key === "parameters") continue;
      const context = key === "responses" ? "response" : key === "requestBody" ? "request" : "operation";
      if (key === "responses" && isObject(a.responses) && isObject(b.responses)) {
        for (const code of new Set([...Object.keys(a.responses), ...Object.keys(b.responses)]))
          this.entry(
            a.responses,
            b.responses,
            code,
            `${location}.responses.${code}`,
            [...path, "responses", code],
            context,
            "entry:responses",
          );
        continue;
      }
      this.entry(a, b, key, `${location}.${key}`, [...path, key], context, "value");
    }
    this.parameters(opA, opB, `${location}.parameters`);
    this.security(opA, opB, `${location}.security`);
  }
}

/**
 * Every semantic difference between the fragment's operations and upstream's (the same list, in order).
 * @param {import("./extract-operations.mjs").ExtractedSpec} fragment
 * @param {import("./extract-operations.mjs").ExtractedSpec} upstream
 * @returns {Difference[]}
 */
export function compareOperations(fragment, upstream) {
  const comparison = new Comparison(fragment, upstream);
  fragment.operations.forEach((operation, i) => comparison.operation(operation, upstream.operations[i]));
  return comparison.differences;
}
