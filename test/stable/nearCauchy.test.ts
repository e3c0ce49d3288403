import { describe, expect, it } from 'vitest'
import { nearCauchy } from '../../src/stable/nearCauchy.ts'
import { nolanIntegral } from '../../src/stable/nolanIntegral.ts'

// The second-order expansion about α = 1 against Nolan's integral (independent method) at the switch
// point |α − 1| = 1e-4 and at 1e-3, where its O(δ³) truncation error is 1000× larger.
const XS = [0.01, 0.3, 1, 2, 5, 8, 20]

describe('nearCauchy (docs/theory.md#sas-numerics, α = 1 + δ)', () => {
  it('is exactly the Cauchy law at δ = 0', () => {
    for (const x of [-3, 0, 0.5, 10]) {
      const v = nearCauchy(x, 0)
      expect(v.cdfMinusHalf).toBeCloseTo(Math.atan(x) / Math.PI, 16)
      expect(v.pdf).toBeCloseTo(1 / (Math.PI * (1 + x * x)), 16)
    }
  })
  for (const [d, tolSf, tolPdf] of [
    [1e-4, 2e-13, 5e-12],
    [-1e-4, 2e-13, 5e-12],
    [1e-3, 2e-10, 3e-9],
  ]) {
    it(`agrees with Nolan's integral at δ = ${d}: sf to ${tolSf} absolute, pdf to ${tolPdf} relative`, () => {
      for (const x of XS) {
        const n = nolanIntegral(x, 1 + d)
        const c = nearCauchy(x, d)
        expect(Math.abs(0.5 - c.cdfMinusHalf - n.sf)).toBeLessThan(tolSf)
        expect(Math.abs(c.pdf / n.pdf - 1)).toBeLessThan(tolPdf)
      }
    })
  }
  it('has the O(δ³) error scaling (its error at δ = 1e-3 is ≥ 100× that at 1e-4 where measurable)', () => {
    const e3 = Math.abs(0.5 - nearCauchy(20, 1e-3).cdfMinusHalf - nolanIntegral(20, 1 + 1e-3).sf)
    const e4 = Math.abs(0.5 - nearCauchy(20, 1e-4).cdfMinusHalf - nolanIntegral(20, 1 + 1e-4).sf)
    expect(e3).toBeGreaterThan(100 * e4)
  })
})
