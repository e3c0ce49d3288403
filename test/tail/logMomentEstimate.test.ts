import { describe, expect, it } from 'vitest'
import { normal } from '../../src/random/normal.ts'
import { createRng } from '../../src/random/rng.ts'
import { sample } from '../../src/stable/sample.ts'
import { logMomentEstimate } from '../../src/tail/logMomentEstimate.ts'
import { expectMatchesOracle, oracleCases } from './oracleFixture.ts'

// docs/theory.md#estimator-caveats, docs/theory.md#validation-tables (computed independently in numpy, ε = 2^−52 inside the logs).
const X = [0.3, -1.2, 2.5, 0.05, -0.7, 4.0, -0.01, 1.1, -3.3, 0.6, 0.2, -0.9]
const T4: [number, number, number][] = [
  [2, 1.575886406694, 0.634563503912],
  [3, 0.616015710473, 1.623335221812],
  [4, 1.22800727615, 0.814327422501],
]

describe('logMomentEstimate (docs/theory.md#log-moment-estimator, 1-D)', () => {
  for (const [k1, inv, alpha] of T4) {
    it(`matches T4 at K1 = ${k1} to 1e-10`, () => {
      const e = logMomentEstimate(X, k1)
      expect(Math.abs(e.inverseAlpha - inv)).toBeLessThan(1e-10)
      expect(Math.abs(e.rawAlpha - alpha)).toBeLessThan(1e-10)
      expect(e.blockSize).toBe(k1)
      expect(e.blocks).toBe(12 / k1)
      expect(e.used).toBe(12)
      // α̂ is clipped at 2 only when it exceeds 2; these are all below.
      expect(e.alpha).toBe(e.rawAlpha)
    })
  }

  it('uses the default block rule (12 → K1 = 3) and drops trailing samples for a given K1', () => {
    expect(logMomentEstimate(X).blockSize).toBe(3)
    const e = logMomentEstimate(X, 5)
    expect([e.blocks, e.used, e.dropped]).toEqual([2, 10, 2])
    // Same as the estimator on the first 10 samples.
    expect(e.inverseAlpha).toBe(logMomentEstimate(X.slice(0, 10), 5).inverseAlpha)
  })

  // docs/theory.md#validation-tables: |α̂ − α| < 0.1 at N = 1e5 (sd(α̂) ≤ 0.031 over 60 repetitions, worst error 0.063).
  for (const [alpha, seed] of [
    [1.2, 11],
    [1.5, 12],
    [1.8, 13],
  ]) {
    it(`is within 0.1 of α = ${alpha} on 1e5 seeded CMS draws (K1 = 250 and default), with an interval around α̂`, () => {
      const x = sample(alpha, 1, 100000, createRng(seed))
      const ref = logMomentEstimate(x, 250)
      expect(Math.abs(ref.alpha - alpha)).toBeLessThan(0.1)
      const e = logMomentEstimate(x)
      expect(e.blockSize).toBe(250) // largest divisor of 1e5 below 316.2
      // Coverage of the true α is a rate, measured in tailCoverage.test.ts; per data set only the shape.
      expect(e.interval.lower).toBeLessThan(e.alpha)
      expect(e.interval.upper).toBeGreaterThan(e.alpha)
      expect(e.interval.upper - e.interval.lower).toBeLessThan(0.2)
    })
  }

  it('is total: NaN estimate for too few samples, bad block sizes or confidence', () => {
    for (const e of [
      logMomentEstimate([1, 2, 3]),
      logMomentEstimate(X, 1),
      logMomentEstimate(X, 7),
      logMomentEstimate(X, 2.5),
      logMomentEstimate(X, 3, 1),
    ]) {
      expect(e.inverseAlpha).toBeNaN()
      expect(e.alpha).toBeNaN()
    }
  })
})

describe('logMomentEstimate against the numpy/scipy oracle (test/fixtures/tailEstimator.json)', () => {
  const cases = oracleCases('scalar')
  it('has the six scalar cases', () => expect(cases.length).toBe(6))
  for (const c of cases) {
    it(`α = ${c.alpha}, N = ${c.samples.length}, K1 = ${c.blockSizeIn ?? 'default'}, confidence ${c.confidence}: all numbers to 1e-10`, () => {
      expectMatchesOracle(
        logMomentEstimate(c.samples as number[], c.blockSizeIn ?? undefined, c.confidence),
        c.expected,
      )
    })
  }
})

describe('logMomentEstimate: limits and invariance (docs/theory.md#estimator-caveats)', () => {
  it('Gaussian data (α = 2): the interval contains 2 and α̂ is clipped at 2 (raw 1/α̂ within 4 s.e. of 1/2)', () => {
    const rng = createRng(5)
    const g = Float64Array.from({ length: 100000 }, () => normal(rng))
    const e = logMomentEstimate(g)
    expect(e.interval.lower).toBeLessThan(2)
    expect(e.interval.upper).toBe(2)
    expect(Math.abs(e.inverseAlpha - 0.5)).toBeLessThan(4 * e.standardError)
    expect(e.alpha).toBe(Math.min(e.rawAlpha, 2))
  })

  it('Cauchy data (α = 1): α̂ within 0.05 of 1 (scipy-drawn reference: 1.002; sd(α̂) ≈ 0.014 at N = 1e5)', () => {
    const e = logMomentEstimate(sample(1, 1, 100000, createRng(6)))
    expect(Math.abs(e.alpha - 1)).toBeLessThan(0.05)
  })

  it('is scale-invariant: σ = 0.01 and σ = 1e4 give the same estimate (to the ε terms, 1e-9)', () => {
    const x = sample(1.5, 1, 20000, createRng(8))
    const base = logMomentEstimate(x)
    for (const s of [0.01, 1e4]) {
      const e = logMomentEstimate(x.map((v) => v * s))
      expect(Math.abs(e.inverseAlpha - base.inverseAlpha)).toBeLessThan(1e-9)
      expect(Math.abs(e.interval.lower - base.interval.lower)).toBeLessThan(1e-9)
      expect(Math.abs(e.interval.upper - base.interval.upper)).toBeLessThan(1e-9)
    }
  })

  it('all-zero data gives 1/α̂ = 0 up to rounding (nothing to estimate; estimateTailIndex refuses it)', () => {
    const e = logMomentEstimate(new Float64Array(100))
    expect(Math.abs(e.inverseAlpha)).toBeLessThan(1e-13)
  })
})
