import { describe, expect, it } from 'vitest'
import { characteristicFunction } from '../../src/stable/characteristicFunction.ts'
import { pdf } from '../../src/stable/pdf.ts'

describe('characteristicFunction (docs/theory.md#sas-numerics)', () => {
  it('is exp(−σ^α|u|^α): e^(−1) at σu = ±1, the normal e^(−σ²u²) at α = 2, the Cauchy e^(−σ|u|) at α = 1', () => {
    expect(characteristicFunction(1, 1.3)).toBeCloseTo(Math.exp(-1), 15)
    expect(characteristicFunction(-0.5, 0.7, 2)).toBeCloseTo(Math.exp(-1), 15)
    expect(characteristicFunction(0.8, 2, 1.5)).toBeCloseTo(Math.exp(-(1.2 ** 2)), 15)
    expect(characteristicFunction(3, 1, 0.5)).toBeCloseTo(Math.exp(-1.5), 15)
    expect(characteristicFunction(0, 0.4)).toBe(1)
  })
  it('is the Fourier transform of pdf: ∫ cos(ux) f(x) dx over |x| ≤ 60 (trapezoid h = 0.01) at α = 1.9', () => {
    // α = 1.9: the truncated tail beyond 60 carries P(|X| > 60) ≈ 1.6e-5 of mass, bounding the error
    const a = 1.9
    for (const u of [0.3, 1, 2]) {
      let s = 0
      const h = 0.01
      for (let x = -60; x <= 60 + 1e-9; x += h)
        s += Math.cos(u * x) * pdf(x, a) * (Math.abs(Math.abs(x) - 60) < 1e-9 ? 0.5 : 1)
      expect(Math.abs(s * h - characteristicFunction(u, a))).toBeLessThan(3e-5)
    }
  })
  it('is NaN outside the domain', () => {
    for (const [u, a, s] of [
      [1, 0, 1],
      [1, 2.2, 1],
      [1, 1, 0],
      [NaN, 1, 1],
      [Infinity, 1, 1],
    ]) {
      expect(characteristicFunction(u, a, s)).toBeNaN()
    }
  })
})
