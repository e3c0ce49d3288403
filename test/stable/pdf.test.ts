import { describe, expect, it } from 'vitest'
import { cdf } from '../../src/stable/cdf.ts'
import { densityAtZero } from '../../src/stable/constants.ts'
import { pdf } from '../../src/stable/pdf.ts'

describe('pdf (docs/theory.md#sas-numerics)', () => {
  it('equals f(0) = Γ(1 + 1/α)/(πσ) at the origin and is continuous there', () => {
    for (const a of [0.3, 0.7, 1, 1.00003, 1.3, 1.9, 2]) {
      expect(pdf(0, a, 2) / densityAtZero(a, 2) - 1).toBeCloseTo(0, 13)
      expect(pdf(1e-9, a, 2) / densityAtZero(a, 2) - 1).toBeCloseTo(0, 8)
    }
  })
  it('is the Cauchy density at α = 1 and the N(0, 2σ²) density at α = 2 (1e-15 relative)', () => {
    for (const x of [-40, -3, -0.2, 0.7, 4, 25]) {
      expect(Math.abs(pdf(x, 1, 2) / (2 / (Math.PI * (4 + x * x))) - 1)).toBeLessThan(1e-15)
      const n = Math.exp(-(x * x) / (4 * 2.25)) / (2 * 1.5 * Math.sqrt(Math.PI))
      expect(Math.abs(pdf(x, 2, 1.5) / n - 1)).toBeLessThan(1e-13)
    }
  })
  it('is the derivative of cdf (central differences, h = 1e-4, error O(h²f‴) < 1e-8 relative)', () => {
    const h = 1e-4
    for (const a of [0.4, 0.8, 1.1, 1.5, 1.95]) {
      for (const x of [-7, -1.3, 0.25, 0.9, 3, 12]) {
        const fd = (cdf(x + h, a) - cdf(x - h, a)) / (2 * h)
        expect(Math.abs(fd / pdf(x, a) - 1)).toBeLessThan(1e-7)
      }
    }
  })
  it('is total: NaN outside the domain', () => {
    for (const [x, a, s] of [
      [1, 0, 1],
      [1, 2.5, 1],
      [1, NaN, 1],
      [1, 1.5, 0],
      [1, 1.5, -2],
      [NaN, 1.5, 1],
      [Infinity, 1.5, 1],
    ]) {
      expect(pdf(x, a, s)).toBeNaN()
    }
  })
})
