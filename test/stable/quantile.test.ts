import { describe, expect, it } from 'vitest'
import { cdf } from '../../src/stable/cdf.ts'
import { quantile } from '../../src/stable/quantile.ts'
import { sf } from '../../src/stable/sf.ts'

describe('quantile (docs/theory.md#sas-numerics)', () => {
  it('round-trips: cdf(quantile(p)) = p to 1e-10 absolute (and 1e-12 relative in the tails)', () => {
    for (const a of [0.3, 0.5, 0.8, 0.9999, 1, 1.00005, 1.2, 1.5, 1.8, 1.99, 2]) {
      for (const p of [1e-200, 1e-12, 1e-6, 0.001, 0.02, 0.2, 0.4, 0.4999, 0.5001, 0.75, 0.9, 0.999]) {
        const x = quantile(p, a)
        if (!Number.isFinite(x)) continue // beyond the double range (α = 0.3, p = 1e-200)
        const F = cdf(x, a)
        expect(Math.abs(F - p)).toBeLessThan(1e-10)
        if (p < 0.5) expect(Math.abs(F / p - 1)).toBeLessThan(1e-12)
        else expect(Math.abs(sf(x, a) / (1 - p) - 1)).toBeLessThan(1e-12)
      }
    }
  })
  it('is exact at α = 1 (−σ/tan(πp)) and α = 2', () => {
    for (const p of [1e-9, 0.1, 0.3, 0.8]) {
      expect(Math.abs(quantile(p, 1, 2) / (-2 / Math.tan(Math.PI * p)) - 1)).toBeLessThan(1e-14)
    }
    // below ½ the closed form is evaluated as written (scaling by σ = 2 is exact), so it is equal to the last bit
    for (const p of [1e-300, 1e-9, 0.1, 0.3, 0.49]) expect(quantile(p, 1, 2)).toBe(-2 / Math.tan(Math.PI * p))
    // N(0, 2): Φ⁻¹(0.975) = 1.959963984540054
    expect(quantile(0.975, 2)).toBeCloseTo(Math.SQRT2 * 1.959963984540054, 13)
  })
  it('is odd about ½ and linear in σ', () => {
    expect(quantile(0.5, 1.3)).toBe(0)
    expect(quantile(0.1, 1.3)).toBeCloseTo(-quantile(0.9, 1.3), 13)
    expect(quantile(0.1, 0.7, 5)).toBeCloseTo(5 * quantile(0.1, 0.7), 12)
  })
  it('returns ∓Infinity when the quantile exceeds the double range', () => {
    expect(quantile(1e-300, 0.3)).toBe(-Infinity)
  })
  it('is total: NaN outside the domain', () => {
    for (const [p, a, s] of [
      [0, 1.5, 1],
      [1, 1.5, 1],
      [-0.1, 1.5, 1],
      [NaN, 1.5, 1],
      [0.3, 0, 1],
      [0.3, 2.1, 1],
      [0.3, 1.5, 0],
      [0.3, 1.5, Infinity],
    ]) {
      expect(quantile(p, a, s)).toBeNaN()
    }
  })
})
