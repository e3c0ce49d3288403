// Vitest configuration for mutation testing: the node tests of one area of the core, selected by the environment
// variable MUTATION_TESTS (a glob, set by scripts/mutation/run.mjs). No file-level parallelism: the runs share
// the machine.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [process.env.MUTATION_TESTS ?? 'test/**/*.test.ts'],
    exclude: ['test/workers/**', 'test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
