// The docs site in Chromium (test/docs/site.test.ts): builds docs-site/ and walks every page, a few minutes on two
// cores, so apart from `npm test`; `npm run test:docs` runs it, and .ci/run runs it as a step of its own.
import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.config.js";

export default defineConfig({
  ...base,
  test: { ...base.test, include: ["test/docs/site.test.ts"], exclude: [...configDefaults.exclude] },
});
