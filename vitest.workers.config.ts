// Worker tests: run inside workerd through @cloudflare/vitest-pool-workers, against the real wrangler.toml.
import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
  test: {
    include: ['test/workers/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
