import { describe, expect, it } from 'vitest'
import { quantile } from '../../src/stable/quantile.ts'
import { quantileTable, tableUpperQuantile } from '../../src/stable/quantileTable.ts'

// Oracle: the root-finding quantile (quantile.ts, ~1e-14 relative, itself tested against scipy and mpmath).
// Dense deterministic grid of tail probabilities q ∈ [2^-54, ½): 40 points per octave at irrational offsets
// (never on a node), plus a uniform grid of the top octave.
const GRID: number[] = []
for (let j = 0; j < 53 * 40; j++) GRID.push(2 ** (-54 + (j + 0.5 * Math.SQRT2 - 0.5) / 40))
for (let j = 1; j < 2000; j++) GRID.push(0.25 + (0.25 * (j - 0.3)) / 2000)

function maxError(alpha: number, bits: number): number {
  const table = quantileTable(alpha, bits)
  if (!table) return Infinity
  let worst = 0
  for (const q of GRID) {
    if (!(q < 0.5)) continue
    const z = -quantile(q, alpha)
    worst = Math.max(worst, Math.abs(tableUpperQuantile(table, q, alpha) - z) / Math.max(z, 1))
  }
  return worst
}

describe('quantileTable (Hermite table of the upper quantile)', () => {
  for (const a of [0.5, 1, 1.2, 1.5, 1.8, 1.95, 2]) {
    it(`is within 1e-9·max(z, 1) of quantile at α = ${a}, q ∈ [2^-54, ½)`, () => {
      expect(maxError(a, 8)).toBeLessThan(1e-9)
    })
  }
  it('is within 1e-8·max(z, 1) at α = 0.35 (below ½ the stated bound is 1e-8)', () => {
    expect(maxError(0.35, 8)).toBeLessThan(1e-8)
  })
  it('a deliberately coarse table (16 cells per octave) fails the 1e-9 bound', () => {
    expect(maxError(1.5, 4)).toBeGreaterThan(1e-8)
    expect(maxError(0.5, 4)).toBeGreaterThan(1e-8)
  })
  it('returns undefined for bad α or resolution', () => {
    expect(quantileTable(0)).toBeUndefined()
    expect(quantileTable(2.5)).toBeUndefined()
    expect(quantileTable(NaN)).toBeUndefined()
    expect(quantileTable(1.5, 1.5)).toBeUndefined()
  })
  it('falls back to the exact quantile outside the tabled range', () => {
    const table = quantileTable(1)!
    expect(tableUpperQuantile(table, 0.5, 1)).toBe(0)
    const z = tableUpperQuantile(table, 2 ** -60, 1)
    expect(Math.abs(z * Math.tan(Math.PI * 2 ** -60) - 1)).toBeLessThan(1e-12) // Cauchy: z = cot(πq)
    expect(tableUpperQuantile(table, 0.7, 1)).toBeNaN()
  })
})
