import { defineConfig } from "vitest/config";

/** The end-to-end tests: the built pane in Debian's Chromium (`npm run test:e2e`). */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
