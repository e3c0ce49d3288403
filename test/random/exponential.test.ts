import { describe, expect, it } from 'vitest'
import { exponential } from '../../src/random/exponential.ts'
import { createRng } from '../../src/random/rng.ts'

describe('exponential (Exp(1) by inversion)', () => {
  it('has mean 1 and variance 1 within 5 standard errors over 4·10^5 draws', () => {
    const r = createRng(2024)
    const n = 400_000
    let s = 0
    let s2 = 0
    let min = Infinity
    for (let i = 0; i < n; i++) {
      const e = exponential(r)
      s += e
      s2 += e * e
      if (e < min) min = e
    }
    const mean = s / n
    const v = s2 / n - mean * mean
    expect(min).toBeGreaterThan(0)
    expect(Math.abs(mean - 1)).toBeLessThan(5 / Math.sqrt(n)) // sd of Exp(1) is 1
    // var of the variance estimate ≈ (μ4 − σ⁴)/n = (9 − 1)/n for Exp(1)
    expect(Math.abs(v - 1)).toBeLessThan(5 * Math.sqrt(8 / n))
  })
  it('has P(E > 2) = e^−2 within 5 standard errors', () => {
    const r = createRng(7)
    const n = 200_000
    let c = 0
    for (let i = 0; i < n; i++) if (exponential(r) > 2) c++
    const p = Math.exp(-2)
    expect(Math.abs(c / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n))
  })
  it('is deterministic per seed', () => {
    const a = createRng(3)
    const b = createRng(3)
    for (let i = 0; i < 20; i++) expect(exponential(a)).toBe(exponential(b))
  })
})
