import { describe, expect, it } from 'vitest'
import { densityAtZero, isotropicConstant, levyDensityConstant, tailConstant } from '../../src/stable/constants.ts'
import { pdf } from '../../src/stable/pdf.ts'
import { sf } from '../../src/stable/sf.ts'

// docs/theory.md#validation-constants (exact, 10 decimals).
const T1: [number, number, number, number, number, number][] = [
  // α, c_α, C_α, C_{2,α}, C_{3,α}, pdf(0)
  [1.0, 0.3183098862, 0.6366197724, 0.1591549431, 0.1013211836, 0.3183098862],
  [1.2, 0.3335494299, 0.5559157165, 0.1767447856, 0.1167892892, 0.2994200592],
  [1.5, 0.2992067103, 0.3989422804, 0.1711671297, 0.1190505674, 0.2873527515],
  [1.8, 0.1649049388, 0.1832277098, 0.1008498599, 0.0734872212, 0.2830687586],
]

describe('constants (T1)', () => {
  for (const [a, c, C, C2, C3, f0] of T1) {
    it(`α = ${a}: c_α, C_α, C_{2,α}, C_{3,α}, f(0) to 1e-10`, () => {
      expect(Math.abs(levyDensityConstant(a) - c)).toBeLessThan(1e-10)
      expect(Math.abs(tailConstant(a) - C)).toBeLessThan(1e-10)
      expect(Math.abs(isotropicConstant(2, a) - C2)).toBeLessThan(1e-10)
      expect(Math.abs(isotropicConstant(3, a) - C3)).toBeLessThan(1e-10)
      expect(Math.abs(densityAtZero(a) - f0)).toBeLessThan(1e-10)
      // and the same numbers come out of the law itself: f(0), and the tail law 2x^α sf(x) → C_α
      expect(Math.abs(pdf(0, a) - f0)).toBeLessThan(1e-10)
      expect(Math.abs((2 * sf(1e12, a) * 1e12 ** a) / C - 1)).toBeLessThan(1e-9)
    })
  }
  it('both forms of c_α agree: Γ(1+α)sin(πα/2)/π = α2^(α−1)Γ((1+α)/2)/(√πΓ(1−α/2)) (via C_{1,α})', () => {
    for (const a of [0.3, 0.9, 1.3, 1.7, 1.95]) {
      expect(Math.abs(levyDensityConstant(a) / isotropicConstant(1, a) - 1)).toBeLessThan(1e-12)
    }
  })
  it('is NaN outside the domain', () => {
    expect(levyDensityConstant(0)).toBeNaN()
    expect(tailConstant(2.5)).toBeNaN()
    expect(isotropicConstant(0, 1.5)).toBeNaN()
    expect(densityAtZero(1.5, 0)).toBeNaN()
  })
})
