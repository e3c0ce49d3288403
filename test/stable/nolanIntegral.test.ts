import erfc from '@stdlib/math-base-special-erfc'
import { describe, expect, it } from 'vitest'
import { nolanIntegral } from '../../src/stable/nolanIntegral.ts'
import fixture from '../fixtures/stableMpmath.json'

// Nolan's integral on its own (it generates the precomputed table and covers what the series do not),
// against the same integral evaluated in mpmath at 30 digits (scripts/fixtures/stableMpmath.py).
describe('nolanIntegral against mpmath (stableMpmath.json)', () => {
  const pts = fixture.points.filter((p) => Math.abs(p.alpha - 1) >= 1e-3)
  it(`uses ${pts.length} points with |α − 1| ≥ 1e-3, α down to 0.05 and up to 2 − 1e-3`, () => {
    expect(pts.length).toBeGreaterThan(150)
    expect(Math.min(...pts.map((p) => p.alpha))).toBeLessThan(0.1)
  })
  it('sf and pdf: relative error ≤ 1e-13 at every point', () => {
    let worst = 0
    for (const p of pts) {
      const v = nolanIntegral(p.x, p.alpha)
      worst = Math.max(worst, Math.abs(v.sf / Number(p.sf) - 1), Math.abs(v.pdf / Number(p.pdf) - 1))
    }
    expect(worst).toBeLessThan(1e-13)
  })
  it('at α = 2, the end of its domain, is the N(0, 2) law: sf = ½ erfc(x/2), pdf = e^(−x²/4)/(2√π), to 1e-13', () => {
    // Up to x = 10 (sf ≈ 8e-13); farther out the normal tail is below the integrand's truncation (g > 60).
    for (const x of [0.1, 1, 3, 10]) {
      const v = nolanIntegral(x, 2)
      expect(Math.abs(v.sf / (0.5 * erfc(x / 2)) - 1)).toBeLessThan(1e-13)
      expect(Math.abs(v.pdf / (Math.exp((-x * x) / 4) / (2 * Math.sqrt(Math.PI))) - 1)).toBeLessThan(1e-13)
    }
  })
  it('is NaN outside its domain (x ≤ 0, α = 1, α ∉ (0, 2])', () => {
    for (const [x, a] of [
      [0, 1.5],
      [-1, 1.5],
      [1, 1],
      [1, 0],
      [1, 2.5],
      [Infinity, 1.5],
    ]) {
      expect(nolanIntegral(x, a).sf).toBeNaN()
    }
  })
})
