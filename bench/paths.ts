/** Where the benchmark finds the project, its peers and its output. */
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The repository root (the folder holding package.json). */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The peers' own package (customerio-node, Prism, autocannon), installed apart from the project's dependencies. */
export const PEERS_DIR = join(ROOT, "bench", "peers");
export const PEERS_MODULES = join(PEERS_DIR, "node_modules");
export const RESULTS_DIR = join(ROOT, "bench", "results");
export const SPEC_PATH = join(ROOT, "openapi", "customers.yaml");
export const CLI_PATH = join(ROOT, "src", "cli.ts");
export const SERVE_PATH = join(ROOT, "bench", "serve.ts");
