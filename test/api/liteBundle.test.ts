/** The calculator-only build (`wrangler deploy --env lite`) fits the free plan: ≤ 1 MiB raw, no ONNX Runtime. */
import { describe, expect, it } from 'vitest'
import { buildLite, LITE_LIMIT_BYTES } from '../../scripts/liteSize.ts'

describe('lite bundle', () => {
  it('is at most 1 MiB raw and has neither ONNX Runtime nor zod inside', () => {
    const b = buildLite()
    expect(b.bytes).toBeGreaterThan(10_000)
    expect(b.bytes).toBeLessThanOrEqual(LITE_LIMIT_BYTES)
    expect(b.hasOnnxRuntime).toBe(false)
    expect(b.hasZod).toBe(false)
  })
})
