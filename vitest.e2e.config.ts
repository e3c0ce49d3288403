// End-to-end tests: `wrangler dev` started once by the global setup; pages driven in headless Chromium.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    passWithNoTests: false,
    // One retry: every file talks to the same `wrangler dev` process, and on a loaded machine a page load can
    // exceed its 30 s timeout or an in-flight request can be cut ("Network connection lost") while another test
    // holds the isolate with a probe. A test that fails twice fails the run; vitest reports every retried test.
    retry: 1,
  },
})
