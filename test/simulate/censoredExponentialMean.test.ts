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
  // 1 − Q(n, x) is compared with p in double precision: a rounding of ~1e-16 on a probability of 1e-12 moves the
  // quantile by ~1e-4 relative at most (measured: ≤ 5e-5). Near p = 1 the first bracket [0, n + 10√n + 10] is too
  // short (55 > 21 at n = 1), so these rows also check that the bracket grows.
  it.each(fixture.chiSquareExtreme)(
    'χ²_$p(2·$n) at an extreme p matches scipy to 2e-4 relative',
    ({ n, p, quantile }) => {
      expect(Math.abs(chiSquareEvenQuantile(n, p) / quantile - 1)).toBeLessThan(2e-4)
    },
  )
  // The log-term recursion t_j = t_{j−1} + ln x − ln j accumulates about n·ε·|ln x| of rounding: 1e-12 at n = 2000.
  it.each(fixture.gammaUpperTail)('Q($n, $x) matches scipy gammaincc to 1e-11 relative', ({ n, x, q }) => {
    expect(Math.abs(gammaUpperTail(n, x) / q - 1)).toBeLessThan(1e-11)
  })
  it('gammaUpperTail is 1 at x ≤ 0 (no time elapsed: no event yet)', () => {
    expect(gammaUpperTail(3, 0)).toBe(1)
    expect(gammaUpperTail(3, -2)).toBe(1)
  })
  it('gives NaN outside its domain', () => {
    expect(chiSquareEvenQuantile(0, 0.5)).toBeNaN()
    expect(chiSquareEvenQuantile(2.5, 0.5)).toBeNaN()
    expect(chiSquareEvenQuantile(3, 1)).toBeNaN()
    expect(chiSquareEvenQuantile(3, 0)).toBeNaN()
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

  it.each([
    ['no iterations run', 0, 0, 0.95],
    ['infinite exposure', Infinity, 3, 0.95],
    ['a negative count of exits', 100, -1, 0.95],
    ['confidence 0', 100, 3, 0],
    ['confidence 1', 100, 3, 1],
    ['confidence above 1', 100, 3, 1.5],
  ])('every field is NaN with %s', (_, total, escaped, confidence) => {
    const e = censoredExponentialMean(total, escaped, confidence)
    expect([e.mean, e.standardError, e.lower, e.upper]).toEqual([NaN, NaN, NaN, NaN])
  })
})
