import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["lib/**/*.test.ts", "test/**/*.test.ts", "addin/**/*.test.ts"],
    // The end-to-end tests drive a browser: `npm run test:e2e` (vitest.e2e.config.ts).
    exclude: ["**/node_modules/**", "test/e2e/**"],
    testTimeout: 30_000,
  },
});
