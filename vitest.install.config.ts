// The install check (test/install): the package installed from a git URL and from its tarball into fresh folders.
// Slow and dependent on the registry's packages, so apart from `npm test`; .ci/run runs it as a step of its own.
import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.config.js";

export default defineConfig({
  ...base,
  test: { ...base.test, include: ["test/install/**/*.test.ts"], exclude: [...configDefaults.exclude] },
});
