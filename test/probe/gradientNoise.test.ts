import { describe, expect, it } from 'vitest'
import { gradientNoise } from '../../src/probe/gradientNoise.ts'
import type { GradientOracle } from '../../src/probe/oracle.ts'
import { createRng } from '../../src/random/index.ts'
import { sample } from '../../src/stable/sample.ts'

/**
 * An oracle whose per-sample gradients are fixed i.i.d. SαS(σ_c) draws (CMS sampler) around a mean μ:
 * a minibatch mean of B of them is μ + SαS(σ_c B^(1/α − 1)) by strict stability, so the noise
 * (minibatch − full mean) has tail index α exactly up to the tiny full-mean offset. Scales σ_c spread
 * over three decades exercise the standardisation (§5.4).
 */
function stableGradientOracle(alpha: number, n: number, P: number, seed: number): GradientOracle {
  const rng = createRng(seed)
  const table = new Float64Array(n * P)
  for (let c = 0; c < P; c++) {
    const s = sample(alpha, 10 ** (-3 + (3 * ((c * 7) % P)) / P), n, rng)
    for (let i = 0; i < n; i++) table[i * P + c] = 0.5 + s[i]
  }
  return {
    parameters: P,
    samples: n,
    unitRoundoff: 2 ** -53,
    maxBatch: 64,
    evaluate(_theta, indices) {
      const g = new Float64Array(P)
      for (let s = 0; s < indices.length; s++) for (let c = 0; c < P; c++) g[c] += table[indices[s] * P + c] / indices.length
      return Promise.resolve({ losses: new Float64Array(indices.length), correct: 0, gradient: g })
    },
  }
}

describe('gradientNoise', () => {
  for (const alpha of [1.2, 1.5, 1.8]) {
    it(`recovers α = ${alpha} of synthetic SαS gradient noise within its 95% interval`, async () => {
      const oracle = stableGradientOracle(alpha, 20000, 40, 100 + alpha * 10)
      const full = new Float64Array(40)
      for (let start = 0; start < 20000; start += 64) {
        const idx = Array.from({ length: Math.min(64, 20000 - start) }, (_, i) => start + i)
        const r = await oracle.evaluate(full, idx)
        r.gradient!.forEach((v, c) => (full[c] += (v * idx.length) / 20000))
      }
      const r = await gradientNoise(oracle, new Float64Array(40), full, { batchSize: 8, batches: 500, rng: createRng(7) })
      expect(r.rows.length).toBe(500)
      expect(r.evaluations).toBe(4000)
      const { alpha: a, interval } = r.estimate
      expect(interval.lower).toBeLessThan(alpha)
      expect(interval.upper).toBeGreaterThan(alpha)
      expect(interval.upper - interval.lower).toBeLessThan(0.25)
      expect(Math.abs(a - alpha)).toBeLessThan(0.1)
    })
  }

  it('batches are disjoint within a pass of the evaluation set', async () => {
    const seen: number[] = []
    const oracle: GradientOracle = {
      parameters: 1, samples: 100, unitRoundoff: 2 ** -53, maxBatch: 3,
      evaluate(_t, idx) { seen.push(...Array.from(idx)); return Promise.resolve({ losses: new Float64Array(idx.length), correct: 0, gradient: new Float64Array(1) }) },
    }
    await gradientNoise(oracle, new Float64Array(1), new Float64Array(1), { batchSize: 10, batches: 10, rng: createRng(1) })
    expect(new Set(seen).size).toBe(100)
  })
})
