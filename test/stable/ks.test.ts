import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/random/rng.ts'
import { cdf } from '../../src/stable/cdf.ts'
import { sample } from '../../src/stable/sample.ts'

// Kolmogorov–Smirnov test of the committed CMS sampler (docs/theory.md#cms-sampler) against our cdf.
// n = 10^5 draws per α; the asymptotic Kolmogorov critical value at level 0.001 is 1.9495/√n = 0.00616.
// Power check: the same draws against a wrong law (σ × 1.1) must be rejected, so the test can fail;
// it uses the empirical cdf at the 9 deciles, a lower bound on the KS statistic of the wrong law.
const N = 100_000
const CRIT = 1.9495 / Math.sqrt(N)

function ksStatistic(sorted: Float64Array, F: (x: number) => number): number {
  let d = 0
  const n = sorted.length
  for (let i = 0; i < n; i++) {
    const f = F(sorted[i])
    d = Math.max(d, (i + 1) / n - f, f - i / n)
  }
  return d
}

describe('KS test: sample(α) against cdf(α), 10^5 draws, level 0.001', () => {
  const cases: [number, number][] = [
    [0.5, 11],
    [1, 12],
    [1.2, 13],
    [1.5, 14],
    [1.8, 15],
    [2, 16],
  ]
  for (const [a, seed] of cases) {
    it(`α = ${a}: D < ${CRIT.toFixed(5)}, and the wrong law is rejected`, () => {
      const x = sample(a, 1, N, createRng(seed)).sort()
      const d = ksStatistic(x, (v) => cdf(v, a))
      expect(d).toBeLessThan(CRIT)
      let dWrong = 0
      for (let q = 1; q <= 9; q++) {
        const i = (q * N) / 10 - 1
        dWrong = Math.max(dWrong, Math.abs((i + 1) / N - cdf(x[i], a, 1.1)))
      }
      expect(dWrong).toBeGreaterThan(CRIT)
    })
  }
})
