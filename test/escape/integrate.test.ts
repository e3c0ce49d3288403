import { describe, expect, it } from 'vitest'
import { integrate } from '../../src/escape/integrate.ts'

describe('integrate (adaptive Gauss–Kronrod 7/15)', () => {
  it('is exact for polynomials of degree ≤ 22 on one panel and accurate on smooth integrands', () => {
    const p = integrate((x) => x ** 22 - 3 * x ** 5 + 1, -1, 2, { maxIntervals: 1 })
    expect(Math.abs(p.value - (2 ** 23 + 1) / 23 + (3 * (64 - 1)) / 6 - 3) / ((2 ** 23 + 1) / 23)).toBeLessThan(1e-14)
    expect(p.evaluations).toBe(15)
    const e = integrate(Math.exp, 0, 1)
    expect(Math.abs(e.value - (Math.E - 1))).toBeLessThan(1e-15)
    const peak = integrate((x) => 1 / (1e-4 + x * x), -1, 1)
    expect(Math.abs(peak.value - 200 * Math.atan(100)) / (200 * Math.atan(100))).toBeLessThan(1e-12)
    const sq = integrate(Math.sqrt, 0, 1)
    expect(Math.abs(sq.value - 2 / 3)).toBeLessThan(1e-12)
  })

  it('returns NaN for bad bounds or a non-finite integrand, 0 for an empty interval', () => {
    expect(integrate((x) => x, 0, Infinity).value).toBeNaN()
    expect(integrate((x) => 1 / x, -1, 1).value).toBeNaN()
    expect(integrate((x) => x, 2, 1).value).toBeNaN()
    expect(integrate((x) => x, 1, 1).value).toBe(0)
  })
})
