// resampledNoiseChains against an exact geometric oracle: with a_i λ_i = 1 the drift cancels the position every
// step, so y_{t} = −b c_J is a fresh resample and the exit iteration is geometric with p = the fraction of rows with
// ½ Σ λ_i (b c_ji)² ≥ h; its mean is 1/p, which the censored estimate recovers for any cap.

import { describe, expect, it } from 'vitest'
import { censoredExponentialMean } from '../../src/simulate/censoredExponentialMean.ts'
import { resampledNoiseChains } from '../../src/simulate/resampledNoiseChains.ts'

describe('resampledNoiseChains', () => {
  // 10 rows in d = 2; with λ = (2, 0.5), gains 0.5 and 2, h = 0.3, rows 2 and 7 leave (energies 0.36 and 1.04)
  const rows = [0.1, 0, 0.2, 0.1, 1.2, 0, -0.3, 0.2, 0, 0.1, 0.1, -0.3, 0.2, 0.2, 0, 1, 0.3, 0, -0.2, 0.1]
  const lambdas = [2, 0.5]
  const gain = [0.5, 2]
  const h = 0.3
  const energy = (j: number) =>
    0.5 * (lambdas[0] * (gain[0] * rows[2 * j]) ** 2 + lambdas[1] * (gain[1] * rows[2 * j + 1]) ** 2)
  const p = Array.from({ length: 10 }, (_, j) => energy(j)).filter((e) => e >= h).length / 10

  it('the oracle has two leaving rows (p = 0.2)', () => expect(p).toBe(0.2))

  it('recovers the geometric mean 1/p within 4 standard errors, also under censoring', () => {
    for (const cap of [3, 1000]) {
      const s = resampledNoiseChains({
        curvatures: lambdas,
        driftGain: [1 / lambdas[0], 1 / lambdas[1]],
        noiseGain: gain,
        rows,
        height: h,
        chains: 20_000,
        cap,
        seed: 5,
      })
      const e = censoredExponentialMean(s.totalIterations, s.escaped)
      // geometric, not exponential: the MLE T/r is still exactly the geometric mean's MLE
      expect(Math.abs(e.mean - 1 / p)).toBeLessThan(4 * e.standardError)
    }
  })

  it('is deterministic for a seed and empty on degenerate input', () => {
    const s = { curvatures: lambdas, driftGain: gain, noiseGain: gain, rows, height: h, chains: 50, cap: 100, seed: 9 }
    expect(resampledNoiseChains(s)).toEqual(resampledNoiseChains(s))
    expect(resampledNoiseChains({ ...s, rows: [] })).toEqual({ totalIterations: 0, escaped: 0 })
    expect(resampledNoiseChains({ ...s, height: 0 })).toEqual({ totalIterations: 0, escaped: 0 })
  })
})
