import { describe, expect, it } from 'vitest'
import { pdf } from '../../src/stable/pdf.ts'
import { sf } from '../../src/stable/sf.ts'
import fixture from '../fixtures/stableMpmath.json'

// Random (α, x) with α ∈ (0.05, 2) (including α within 1e-3 of 1 and of 2) and x ∈ [1e-4, 1e4], against
// Nolan's integral in mpmath at 30 digits (scripts/fixtures/stableMpmath.py). Relative errors:
// sf ≤ 1e-13 and pdf ≤ 1e-12 (the method-switch and near-α=1 regimes included).
describe('sf and pdf against mpmath at random (α, x) (stableMpmath.json)', () => {
  it(`has ${fixture.points.length} points`, () => expect(fixture.points.length).toBeGreaterThan(200))
  it('sf: relative error ≤ 1e-13 at every point', () => {
    let worst = 0
    for (const p of fixture.points) worst = Math.max(worst, Math.abs(sf(p.x, p.alpha) / Number(p.sf) - 1))
    expect(worst).toBeLessThan(1e-13)
  })
  it('pdf: relative error ≤ 1e-12 at every point', () => {
    let worst = 0
    for (const p of fixture.points) worst = Math.max(worst, Math.abs(pdf(p.x, p.alpha) / Number(p.pdf) - 1))
    expect(worst).toBeLessThan(1e-12)
  })
})
