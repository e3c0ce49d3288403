import { describe, expect, it } from 'vitest'
import { NU_ALPHAS, nuRow, TAIL_ALPHAS, tailRow } from '../../scripts/precompute/tailDiagnosticsTable.ts'
import { MCCULLOCH_RATIO, QUARTILE, UPPER_TAIL } from '../../src/tail/tables/tailDiagnosticsTable.ts'

// Oracle: the generating script itself, re-run on a slice (src/stable quantile and cdf); the table stores 8 significant digits (rounding ≤ 5e−8 relative).
describe('tailDiagnosticsTable', () => {
  it('McCulloch ratio and quartile rows regenerate', () => {
    for (const i of [0, 37, 87, 150]) {
      const [nu, q75] = nuRow(NU_ALPHAS[i])
      expect(Math.abs(MCCULLOCH_RATIO[i] / nu - 1)).toBeLessThan(5e-8)
      expect(Math.abs(QUARTILE[i] / q75 - 1)).toBeLessThan(5e-8)
    }
  })
  it('upper-tail rows regenerate', () => {
    for (const i of [3, 17, 30]) {
      const row = tailRow(TAIL_ALPHAS[i])
      for (let k = 0; k < row.length; k += 7)
        expect(Math.abs(UPPER_TAIL[i][k] - row[k])).toBeLessThanOrEqual(5e-8 * row[k])
    }
  })
})
