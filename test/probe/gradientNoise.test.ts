import { describe, expect, it } from 'vitest'
import { gradientNoise } from '../../src/probe/gradientNoise.ts'
import type { GradientOracle } from '../../src/probe/oracle.ts'
import { createRng } from '../../src/random/index.ts'
import { sample } from '../../src/stable/sample.ts'
import { pooledNoiseTailIndex } from '../../src/tail/pooledNoiseTailIndex.ts'

/**
 * An oracle whose per-sample gradients are fixed i.i.d. SαS(σ_c) draws (CMS sampler) around a mean μ:
 * a minibatch mean of B of them is μ + SαS(σ_c B^(1/α − 1)) by strict stability, so the noise
 * (minibatch − μ) has tail index α. The noise is measured against the law's centre μ (`lawMean`), not
 * the mean of the finite population: with α = 1.2 the population's largest draw alone moves its mean by
 * a sizeable fraction of the minibatch noise scale, so minibatch − population mean is skewed (most
 * batches miss that draw) and is not SαS. That skew is real in real minibatch noise and the estimator
 * reports it as such; this oracle checks the estimator on noise that is SαS. Scales σ_c spread over
 * three decades exercise the standardisation.
 */
function stableGradientOracle(alpha: number, n: number, P: number, seed: number, siblings = false): GradientOracle {
  const rng = createRng(seed)
  const table = new Float64Array(n * P)
  for (let c = 0; c < P; c++) {
    const s = sample(alpha, 10 ** (-3 + (3 * ((c * 7) % P)) / P), n, rng)
    for (let i = 0; i < n; i++) table[i * P + c] = 0.5 + s[i]
  }
  // softmax-like constraint: every third coordinate is minus the sum of the two before it
  if (siblings)
    for (let c = 2; c < P; c += 3)
      for (let i = 0; i < n; i++) table[i * P + c] = -table[i * P + c - 1] - table[i * P + c - 2]
  return {
    parameters: P,
    samples: n,
    unitRoundoff: 2 ** -53,
    maxBatch: 64,
    evaluate(_theta, indices) {
      const g = new Float64Array(P)
      for (let s = 0; s < indices.length; s++)
        for (let c = 0; c < P; c++) g[c] += table[indices[s] * P + c] / indices.length
      return Promise.resolve({ losses: new Float64Array(indices.length), correct: 0, gradient: g })
    },
  }
}

/** μ of the oracle above: 0.5 per coordinate, −1 for a sibling (minus the sum of two 0.5-centred ones). */
function lawMean(P: number, siblings = false): Float64Array {
  const mu = new Float64Array(P).fill(0.5)
  if (siblings) for (let c = 2; c < P; c += 3) mu[c] = -1
  return mu
}

describe('gradientNoise', () => {
  for (const alpha of [1.2, 1.5, 1.8]) {
    it(`recovers α = ${alpha} of synthetic SαS gradient noise within its 95% interval`, async () => {
      // the regime of real models: many more coordinates (400) than the block size K1 (= 200 here)
      const n = 5000,
        P = 400
      const oracle = stableGradientOracle(alpha, n, P, 100 + alpha * 10)
      const full = lawMean(P)
      const r = await gradientNoise(oracle, new Float64Array(P), full, {
        batchSize: 8,
        batches: 100,
        rng: createRng(7),
      })
      expect(r.rows.length).toBe(100)
      expect(r.evaluations).toBe(800)
      expect(r.estimate.blockSize).toBe(10)
      const { alpha: a, interval } = r.estimate
      expect(interval.lower).toBeLessThan(alpha)
      expect(interval.upper).toBeGreaterThan(alpha)
      expect(interval.upper - interval.lower).toBeLessThan(0.25)
      expect(Math.abs(a - alpha)).toBeLessThan(0.1)
    })
  }

  it('pools coordinate by coordinate: sibling constraints (softmax-like) do not bias α, unlike row-major pooling', async () => {
    const n = 4000,
      P = 900
    const oracle = stableGradientOracle(1.5, n, P, 77, true)
    const full = lawMean(P, true)
    const r = await gradientNoise(oracle, new Float64Array(P), full, { batchSize: 4, batches: 200, rng: createRng(8) })
    expect(r.estimate.interval.lower).toBeLessThan(1.5)
    expect(r.estimate.interval.upper).toBeGreaterThan(1.5)
    // the same rows pooled row-major in parameter order (docs/theory.md#pooled-estimator): blocks of consecutive siblings partly cancel
    const inOrder = pooledNoiseTailIndex(r.rows, { standardize: true })
    expect(inOrder.interval.lower).toBeGreaterThan(1.6)
  })

  it('minibatches hold distinct samples and are drawn independently', async () => {
    const batches: number[][] = []
    const oracle: GradientOracle = {
      parameters: 1,
      samples: 50,
      unitRoundoff: 2 ** -53,
      maxBatch: 100,
      evaluate(_t, idx) {
        batches.push(Array.from(idx))
        return Promise.resolve({ losses: new Float64Array(idx.length), correct: 0, gradient: new Float64Array(1) })
      },
    }
    await gradientNoise(oracle, new Float64Array(1), new Float64Array(1), {
      batchSize: 10,
      batches: 400,
      rng: createRng(1),
    })
    for (const b of batches) expect(new Set(b).size).toBe(10)
    // each sample is in a batch with probability 10/50: counts ~ Binomial(400, 0.2), mean 80, sd 8
    const counts = new Array(50).fill(0)
    for (const b of batches) for (const i of b) counts[i]++
    expect(Math.min(...counts)).toBeGreaterThan(80 - 5 * 8)
    expect(Math.max(...counts)).toBeLessThan(80 + 5 * 8)
  })
})

describe('gradientNoise at odd and even batch counts', () => {
  it('48, 49, 63 and 64 minibatches give α̂ within 0.1 of each other and of the truth (no odd-count zeros)', async () => {
    const n = 4000,
      P = 300
    const oracle = stableGradientOracle(1.5, n, P, 4849)
    const alphas: number[] = []
    for (const batches of [48, 49, 63, 64]) {
      const r = await gradientNoise(oracle, new Float64Array(P), lawMean(P), {
        batchSize: 8,
        batches,
        rng: createRng(batches),
      })
      expect(r.estimate.atoms.parameters).toBe(0)
      expect(r.estimate.pool.includes(0)).toBe(false)
      alphas.push(r.estimate.alpha)
    }
    expect(Math.max(...alphas) - Math.min(...alphas)).toBeLessThan(0.1)
    for (const a of alphas) expect(Math.abs(a - 1.5)).toBeLessThan(0.1)
  })
})
