import { describe, expect, it } from 'vitest'
import { medianConstant } from '../../src/stable/medianConstant.ts'
import fixture from '../fixtures/stableGrid.json'

// docs/theory.md#median-scale: m_α = 0.75-quantile of SαS(1), values printed to 8 decimals (scipy 1.17).
const M: [number, number][] = [
  [1.2, 0.9815372],
  [1.5, 0.96893318],
  [1.8, 0.95975643],
  [2, 0.95387255],
]

describe('medianConstant (docs/theory.md#median-scale)', () => {
  for (const [a, m] of M) {
    it(`m_${a} = ${m} to the table's 8 decimals`, () => expect(Math.abs(medianConstant(a) - m)).toBeLessThan(5e-9))
  }
  it('is 1 at α = 1 (Cauchy) and √2·Φ⁻¹(0.75) at α = 2', () => {
    expect(medianConstant(1)).toBeCloseTo(1, 15)
    expect(medianConstant(2)).toBeCloseTo(Math.SQRT2 * 0.6744897501960817, 14)
  })
  it('is NaN outside α ∈ (0, 2]', () => {
    for (const a of [0, -1, 2.5, NaN]) expect(medianConstant(a)).toBeNaN()
  })
})

describe('medianConstant against scipy levy_stable.ppf(0.75, α, 0) (stableGrid.json)', () => {
  it(`agrees to 1e-12 relative at ${fixture.rows.length} values of α in [0.3, 2]`, () => {
    for (const row of fixture.rows) expect(Math.abs(medianConstant(row.alpha) / row.median - 1)).toBeLessThan(1e-12)
  })
})
