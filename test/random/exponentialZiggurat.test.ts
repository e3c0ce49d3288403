// Ziggurat Exp(1) draws (src/random/exponentialZiggurat.ts) against the closed-form cdf 1 − e^(−x) (KS grid
// test) and the exact moments E W = 1, E W² = 2.
import { describe, expect, it } from 'vitest'
import { exponentialZiggurat, type WordSource } from '../../src/random/exponentialZiggurat.ts'
import { createRng } from '../../src/random/rng.ts'
import { gridDistance, ksCritical } from '../helpers/gridDistance.ts'

describe('exponentialZiggurat', () => {
  const n = 400_000
  const rng = createRng(2024)
  const src: WordSource = { word: () => rng.nextUint32(), uniform: () => rng.uniform() }
  const xs = new Float64Array(n)
  for (let i = 0; i < n; i++) xs[i] = exponentialZiggurat(src)
  it('matches 1 − e^(−x) on a grid reaching into the tail (beyond r = 7.697) within the KS bound', () => {
    const grid = [0.001, 0.01, 0.05, 0.1, 0.3, 0.7, 1, 1.5, 2, 3, 4, 5, 6, 7, 7.7, 8, 9, 10]
    expect(
      gridDistance(
        xs,
        grid,
        grid.map((x) => 1 - Math.exp(-x)),
      ),
    ).toBeLessThan(ksCritical(n))
    // Far tail (beyond the base layer): P(W > 9) = e^−9, within 4 binomial s.e.
    const p = Math.exp(-9)
    const k = xs.filter((x) => x > 9).length
    expect(Math.abs(k / n - p)).toBeLessThan(4 * Math.sqrt(p / n))
  })
  it('has mean 1 and second moment 2 within 4 s.e.', () => {
    let s = 0
    let s2 = 0
    for (const x of xs) {
      s += x
      s2 += x * x
    }
    expect(Math.abs(s / n - 1)).toBeLessThan(4 * Math.sqrt(1 / n)) // var W = 1
    expect(Math.abs(s2 / n - 2)).toBeLessThan(4 * Math.sqrt(20 / n)) // var W² = 24 − 4 = 20
  })
})
