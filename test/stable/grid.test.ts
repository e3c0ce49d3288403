import { describe, expect, it } from 'vitest'
import { cdf } from '../../src/stable/cdf.ts'
import { pdf } from '../../src/stable/pdf.ts'
import fixture from '../fixtures/stableGrid.json'

// scipy.stats.levy_stable(α, 0) ('piecewise' Nolan integral, quad_eps 1.2e-14) on α ∈ [0.3, 2],
// |x| ≤ 50 (scripts/fixtures/stableGrid.py). The brief's criterion: absolute error ≤ 1e-9.
describe('pdf and cdf against scipy levy_stable (stableGrid.json)', () => {
  const xs = fixture.x
  it(`covers ${fixture.rows.length} values of α in [0.3, 2] and ${xs.length} points in [−50, 50]`, () => {
    expect(fixture.rows.length).toBeGreaterThanOrEqual(20)
    expect(Math.min(...xs)).toBe(-50)
    expect(Math.max(...xs)).toBe(50)
  })
  for (const row of fixture.rows) {
    it(`α = ${row.alpha}: |Δpdf|, |Δcdf| ≤ 1e-9`, () => {
      let worstPdf = 0
      let worstCdf = 0
      xs.forEach((x, i) => {
        worstPdf = Math.max(worstPdf, Math.abs(pdf(x, row.alpha) - row.pdf[i]))
        worstCdf = Math.max(worstCdf, Math.abs(cdf(x, row.alpha) - row.cdf[i]))
      })
      expect(worstPdf).toBeLessThan(1e-9)
      expect(worstCdf).toBeLessThan(1e-9)
    })
  }
})
