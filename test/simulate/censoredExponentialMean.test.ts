// censoredExponentialMean: χ² quantiles and Garwood intervals against scipy (test/fixtures/censoredExponential.json,
// made by scripts/fixtures/censoredExponential.py), and the estimator on censored exponential draws of known mean.

import { describe, expect, it } from 'vitest'
import { exponential } from '../../src/random/exponential.ts'
import { createRng } from '../../src/random/rng.ts'
import {
  censoredExponentialMean,
  chiSquareEvenQuantile,
  gammaUpperTail,
} from '../../src/simulate/censoredExponentialMean.ts'
import fixture from '../fixtures/censoredExponential.json' with { type: 'json' }

describe('chiSquareEvenQuantile', () => {
  it.each(fixture.chiSquare)('χ²_$p(2·$n) matches scipy to 1e-10 relative', ({ n, p, quantile }) => {
    expect(Math.abs(chiSquareEvenQuantile(n, p) / quantile - 1)).toBeLessThan(1e-10)
  })
  it('gammaUpperTail is the Exp(1) tail for n = 1 and e^{-x}(1 + x) for n = 2', () => {
    expect(gammaUpperTail(1, 3)).toBeCloseTo(Math.exp(-3), 15)
    expect(gammaUpperTail(2, 3)).toBeCloseTo(4 * Math.exp(-3), 15)
  })
  it('gives NaN outside its domain', () => {
    expect(chiSquareEvenQuantile(0, 0.5)).toBeNaN()
    expect(chiSquareEvenQuantile(2.5, 0.5)).toBeNaN()
    expect(chiSquareEvenQuantile(3, 1)).toBeNaN()
  })
})

describe('censoredExponentialMean', () => {
  it.each(fixture.intervals)(
    'T = $total, r = $escaped: Garwood interval as scipy',
    ({ total, escaped, lower, upper }) => {
      const e = censoredExponentialMean(total, escaped)
      expect(Math.abs(e.lower / lower - 1)).toBeLessThan(1e-10)
      if (upper === null) expect(e.upper).toBe(Infinity)
      else expect(Math.abs(e.upper / upper - 1)).toBeLessThan(1e-10)
      if (escaped === 0) expect(e.mean).toBeNaN()
      else {
        expect(e.mean).toBe(total / escaped)
        expect(e.standardError).toBeCloseTo(total / escaped / Math.sqrt(escaped), 12)
      }
    },
  )

  it('recovers the mean of censored Exp(200) draws, and its 95% interval covers it about 95% of the time', () => {
    const rng = createRng(11)
    const K = 200
    const cap = 300 // about 22% of runs censored
    let covered = 0
    const reps = 400
    let sumMean = 0
    for (let rep = 0; rep < reps; rep++) {
      let T = 0
      let r = 0
      for (let i = 0; i < 60; i++) {
        const t = K * exponential(rng)
        if (t <= cap) {
          T += t
          r++
        } else T += cap
      }
      const e = censoredExponentialMean(T, r)
      sumMean += e.mean
      if (e.lower <= K && K <= e.upper) covered++
    }
    // coverage of an exact interval: binomial(400, 0.95) has s.d. 4.4, so 4 s.d. ≈ ±17 around 380
    expect(covered).toBeGreaterThanOrEqual(363)
    // mean of the MLE over 400 replicates: s.e. ≈ 200/√(47·400) ≈ 1.5; bias O(K/r) ≈ 4 at r ≈ 47
    expect(Math.abs(sumMean / reps - K)).toBeLessThan(12)
  })

  it('is NaN on invalid input', () => {
    expect(censoredExponentialMean(-1, 2).mean).toBeNaN()
    expect(censoredExponentialMean(100, 1.5).lower).toBeNaN()
  })
})
