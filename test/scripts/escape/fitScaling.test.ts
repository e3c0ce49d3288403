// fitScaling: exact recovery of a power law and of an exponential in 1/η (zero residuals), and the better fit has the
// smaller residual on data made by the other law.

import { describe, expect, it } from 'vitest'
import { fitScaling } from '../../../scripts/escape/fitScaling.ts'

const lrs = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32]

describe('fitScaling', () => {
  it('recovers K = 3 η^(−1.4) exactly', () => {
    const f = fitScaling(lrs.map((lr) => ({ lr, mean: 3 * lr ** -1.4 })))
    expect(f.powerLaw!.exponent).toBeCloseTo(1.4, 12)
    expect(f.powerLaw!.intercept).toBeCloseTo(Math.log(3), 12)
    expect(f.powerLaw!.rms).toBeLessThan(1e-12)
    expect(f.exponential!.rms).toBeGreaterThan(0.1)
  })

  it('recovers K = 2 exp(0.05/η) exactly', () => {
    const f = fitScaling(lrs.map((lr) => ({ lr, mean: 2 * Math.exp(0.05 / lr) })))
    expect(f.exponential!.c).toBeCloseTo(0.05, 12)
    expect(f.exponential!.intercept).toBeCloseTo(Math.log(2), 12)
    expect(f.exponential!.rms).toBeLessThan(1e-12)
    expect(f.powerLaw!.rms).toBeGreaterThan(0.1)
  })

  it('skips cells without an estimate and needs three points', () => {
    const f = fitScaling([
      { lr: 0.1, mean: 10 },
      { lr: 0.2, mean: null },
      { lr: 0.4, mean: 3 },
    ])
    expect(f.points).toEqual([
      [0.1, 10],
      [0.4, 3],
    ])
    expect(f.powerLaw).toBeNull()
    expect(f.exponential).toBeNull()
  })
})
