import erfc from '@stdlib/math-base-special-erfc'
import { describe, expect, it } from 'vitest'
import { cdf } from '../../src/stable/cdf.ts'

// docs/theory.md#validation-tables: SαS(1) cdf from scipy levy_stable (S1, β = 0), printed to 10 decimals.
const XS = [0.5, 1, 2, 5, 10]
const T2: Record<string, number[]> = {
  '1.2': [0.6428420577, 0.7533678113, 0.8717726399, 0.9577145604, 0.9820320813],
  '1.5': [0.6394042265, 0.7563420244, 0.8949601703, 0.9793309129, 0.9933601908],
  '1.8': [0.6382829115, 0.7587147921, 0.9122966275, 0.9933515269, 0.998452093],
}

describe('cdf (docs/theory.md#sas-numerics)', () => {
  for (const [a, want] of Object.entries(T2)) {
    it(`matches T2 at α = ${a} to 1e-10 (the table's rounding is 5e-11)`, () => {
      XS.forEach((x, i) => {
        expect(Math.abs(cdf(x, Number(a)) - want[i])).toBeLessThan(1e-10)
        expect(Math.abs(cdf(-x, Number(a)) - (1 - want[i]))).toBeLessThan(1e-10)
      })
    })
  }
  it('is the Cauchy cdf at α = 1 and the N(0, 2σ²) cdf at α = 2 (closed forms, 1e-15 relative)', () => {
    for (const x of [-1e6, -30, -3, -0.2, 0, 0.7, 4, 1e3]) {
      const c = 0.5 + Math.atan(x / 2) / Math.PI
      expect(Math.abs(cdf(x, 1, 2) - c)).toBeLessThanOrEqual(2e-16 + 1e-15 * c)
      const n = 0.5 * erfc(-x / (2 * 1.5))
      expect(Math.abs(cdf(x, 2, 1.5) - n)).toBeLessThanOrEqual(1e-15 * n)
    }
    // far lower tail of the Cauchy law: F(x) ~ 1/(π|x|)
    expect(cdf(-1e12, 1) * Math.PI * 1e12).toBeCloseTo(1, 12)
  })
  it('is continuous across α = 1 (within 1e-7·|α − 1| of the Cauchy value, with the right slope sign)', () => {
    for (const x of [-20, -3, -1, -0.3, 0.4, 2, 8]) {
      const c = cdf(x, 1)
      for (const d of [1e-9, 1e-6, 1e-4 * 0.999, 1e-4 * 1.001, 1e-3]) {
        expect(Math.abs(cdf(x, 1 + d) - c)).toBeLessThan(0.3 * d + 1e-15)
        expect(Math.abs(cdf(x, 1 - d) - c)).toBeLessThan(0.3 * d + 1e-15)
      }
      // across the switch between the near-Cauchy expansion and Nolan's integral (at |α − 1| = 1e-4) the
      // change over Δα = 2e-10 is the slope ∂F/∂α (|∂F/∂α| < 0.3) times Δα, with no jump
      expect(Math.abs(cdf(x, 1 + 1e-4 * 0.999999) - cdf(x, 1 + 1e-4 * 1.000001))).toBeLessThan(0.3 * 2e-10 + 1e-13)
    }
  })
  it('is symmetric, monotone and scales as F(x/σ)', () => {
    let prev = 0
    for (let x = -60; x <= 60; x += 0.37) {
      for (const a of [0.4, 1.3]) expect(cdf(x, a) + cdf(-x, a)).toBeCloseTo(1, 14)
      const v = cdf(x, 1.7)
      expect(v).toBeGreaterThanOrEqual(prev)
      prev = v
      expect(cdf(x, 0.8, 3)).toBe(cdf(x / 3, 0.8))
    }
    expect(cdf(0, 0.6)).toBe(0.5)
  })
  it('is total: NaN outside the domain (α ∉ (0, 2], σ ≤ 0 or non-finite, x non-finite)', () => {
    for (const [x, a, s] of [
      [1, 0, 1],
      [1, -1, 1],
      [1, 2.0001, 1],
      [1, NaN, 1],
      [1, Infinity, 1],
      [1, 1.5, 0],
      [1, 1.5, -1],
      [1, 1.5, NaN],
      [1, 1.5, Infinity],
      [NaN, 1.5, 1],
      [Infinity, 1.5, 1],
      [-Infinity, 1.5, 1],
    ]) {
      expect(cdf(x, a, s)).toBeNaN()
    }
  })
})
