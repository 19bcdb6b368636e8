import { fileURLToPath } from "node:url";

/** The contract-tests package folder (fixtures are written inside it so `@atlas-export/*` resolve). */
export const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** The repository root. */
export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** Gitignored folder for everything generated at test time; never committed (see .gitignore). */
export const fixturesDir = fileURLToPath(new URL("../.fixtures/", import.meta.url));
