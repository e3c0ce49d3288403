import { describe, expect, it } from 'vitest'
import { isotropicMassFactor, isotropicRadonMeasure } from '../../src/escape/isotropicRadonMeasure.ts'
import { isotropicConstant, levyDensityConstant, sphereArea } from '../../src/stable/constants.ts'

describe('isotropicRadonMeasure (docs/theory.md#sphere-average)', () => {
  it('κ_{d,α} equals C_{d,α}|S^(d−1)|/(2c_α) from the committed constants, and κ_{1,α} = 1, κ_{d,2} = d', () => {
    for (const alpha of [1.1, 1.5, 1.9]) {
      for (const d of [1, 2, 3, 10, 64, 256]) {
        const viaConstants = (isotropicConstant(d, alpha) * sphereArea(d)) / (2 * levyDensityConstant(alpha))
        expect(Math.abs(isotropicMassFactor(d, alpha) / viaConstants - 1)).toBeLessThan(1e-12)
      }
      expect(Math.abs(isotropicMassFactor(1, alpha) - 1)).toBeLessThan(1e-15)
    }
    for (const d of [1, 2, 7, 100]) expect(Math.abs(isotropicMassFactor(d, 2 - 1e-12) / d - 1)).toBeLessThan(1e-9)
  })

  it('A = aI: m(W) = κ_{d,α} (a/2h)^(α/2); in d = 1 it equals the axis value (A/2h)^(α/2)', () => {
    const m = isotropicRadonMeasure([3, 3, 3, 3], 0.25, 1.4)
    expect(Math.abs(m / (isotropicMassFactor(4, 1.4) * (3 / 0.5) ** 0.7) - 1)).toBeLessThan(1e-14)
    expect(Math.abs(isotropicRadonMeasure([5], 2, 1.6) / (5 / 4) ** 0.8 - 1)).toBeLessThan(1e-14)
    expect(isotropicRadonMeasure([1, 2], 0, 1.5)).toBeNaN()
    expect(isotropicRadonMeasure([1, 2], 1, 2)).toBeNaN()
  })
})

describe('isotropicRadonMeasure: domain', () => {
  it('κ_{d,α} is NaN for a non-integer or non-positive dimension and for α outside (0, 2)', () => {
    for (const [d, alpha] of [
      [2.5, 1.5],
      [0, 1.5],
      [-1, 1.5],
      [3, 0],
      [3, -0.5],
      [3, 2],
      [3, NaN],
    ])
      expect(isotropicMassFactor(d, alpha)).toBeNaN()
  })

  it('m(W) is NaN for a height that is not a positive finite number and for no eigenvalues', () => {
    for (const height of [0, -1, Infinity, NaN]) expect(isotropicRadonMeasure([1, 2], height, 1.5)).toBeNaN()
    expect(isotropicRadonMeasure([], 1, 1.5)).toBeNaN()
  })
})
