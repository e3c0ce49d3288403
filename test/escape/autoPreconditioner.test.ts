import { describe, expect, it } from 'vitest'
import { autoPreconditioner } from '../../src/escape/autoPreconditioner.ts'

describe('autoPreconditioner (docs/theory.md#sgd-vs-adam, docs/theory.md#adam-preconditioner)', () => {
  it('T6: q = σ/σ̄ with σ̄ the α-power mean (printed to 6 decimals)', () => {
    const sigma = [Math.sqrt(10) / 2, 0.5]
    const printed: Record<number, number[]> = {
      1.2: [1.478278, 0.467472],
      1.5: [1.423308, 0.450089],
      1.8: [1.376035, 0.43514],
    }
    for (const [alpha, q] of Object.entries(printed)) {
      const got = autoPreconditioner(sigma, Number(alpha))
      got.forEach((x, i) => expect(Math.abs(x - q[i])).toBeLessThan(5.1e-7))
      // The effective noise σ_i/q_i is the same in every coordinate, and its α-power mean equals σ's.
      const a = Number(alpha)
      const sbar = ((sigma[0] ** a + sigma[1] ** a) / 2) ** (1 / a)
      sigma.forEach((s, i) => expect(Math.abs(s / got[i] - sbar) / sbar).toBeLessThan(1e-15))
    }
  })

  it('is scale-free, exact for equal scales and safe from overflow; NaN for bad input', () => {
    expect(autoPreconditioner([3, 3, 3], 1.5)).toEqual([1, 1, 1])
    const a = autoPreconditioner([1e300, 3e300], 1.7)
    const b = autoPreconditioner([1, 3], 1.7)
    expect(a).toHaveLength(2)
    a.forEach((x, i) => expect(Math.abs(x - b[i])).toBeLessThan(1e-15))
    expect(autoPreconditioner([1, 0], 1.5)).toEqual([Number.NaN, Number.NaN])
    expect(autoPreconditioner([1, 2], 0)).toEqual([Number.NaN, Number.NaN])
  })
})
