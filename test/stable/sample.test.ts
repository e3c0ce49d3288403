import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/random/rng.ts'
import { cms, sample } from '../../src/stable/sample.ts'

// docs/theory.md#validation-tables: deterministic CMS vectors, computed independently from the docs/theory.md#cms-sampler formula.
const T3: Record<string, number[]> = {
  '1.2': [-2.511529556327, 1.171464663342, 120.641730189664, -1.054919373323],
  '1.5': [-1.97624456385, 1.400591990154, 39.528108487688, -1.576397247194],
  '1.8': [-1.658870891715, 1.625557349772, 14.091559330992, -2.127954051549],
  '2': [-1.583612976226, 1.794122577994, 2.194503061406, -2.522734364347],
}
const U: [number, number][] = [
  [0.1, 0.5],
  [0.75, 0.2],
  [0.999, 0.3],
  [0.3, 0.01],
]

describe('cms (docs/theory.md#cms-sampler, docs/theory.md#validation-tables)', () => {
  for (const [a, want] of Object.entries(T3)) {
    it(`matches T3 at α = ${a} to 1e-12 relative`, () => {
      U.forEach(([u1, u2], i) => expect(Math.abs(cms(Number(a), u1, u2) / want[i] - 1)).toBeLessThan(1e-12))
    })
  }
  it('gives exactly 0 at U1 = 0.5 and tan(V) at α = 1', () => {
    expect(cms(1.5, 0.5, 0.3)).toBe(0)
    expect(cms(1, 0.7, 0.3)).toBeCloseTo(Math.tan(Math.PI * 0.2), 14)
  })
  it('is total: NaN outside the domain', () => {
    for (const [a, u1, u2] of [
      [0, 0.1, 0.1],
      [2.1, 0.1, 0.1],
      [NaN, 0.1, 0.1],
      [1.5, 0, 0.5],
      [1.5, 0.5, 1],
    ]) {
      expect(cms(a, u1, u2)).toBeNaN()
    }
  })
})

describe('sample', () => {
  it('is deterministic for a seed and scales linearly with σ', () => {
    const a = sample(1.5, 1, 100, createRng(7))
    const b = sample(1.5, 3, 100, createRng(7))
    a.forEach((x, i) => expect(b[i]).toBeCloseTo(3 * x, 10))
  })
  it('has variance 2σ² at α = 2 (N(0, 2σ²)), within 5 standard errors', () => {
    const n = 200_000
    const x = sample(2, 1.5, n, createRng(1))
    const m2 = x.reduce((s, v) => s + v * v, 0) / n
    // var of x² for N(0, s²) is 2 s⁴ with s² = 4.5
    const se = Math.sqrt((2 * 4.5 ** 2) / n)
    expect(Math.abs(m2 - 4.5)).toBeLessThan(5 * se)
  })
})
