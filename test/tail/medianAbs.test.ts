import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/random/rng.ts'
import { sample } from '../../src/stable/sample.ts'
import { medianAbs, medianInPlace } from '../../src/tail/medianAbs.ts'

/** Oracle: sort |v| and take the middle (mean of the two middle values for an even count). */
function sortedMedianAbs(v: number[]): number {
  const a = v.map(Math.abs).sort((x, y) => x - y)
  const n = a.length
  return n % 2 ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2
}

describe('medianAbs', () => {
  it('matches sorting on random data with and without ties, odd and even sizes', () => {
    const rng = createRng(3)
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + (rng.nextUint32() % 60)
      const ties = trial % 2 === 0
      const v = Array.from({ length: n }, () => (ties ? Math.floor(rng.uniform() * 5) - 2 : rng.uniform() - 0.5))
      expect(medianAbs(v)).toBe(sortedMedianAbs(v))
    }
  })
  it('matches sorting on large inputs (radix pre-selection path): heavy tails, ties, zeros, odd and even n', () => {
    const rng = createRng(4)
    const makers: ((n: number) => number[])[] = [
      (n) => Array.from(sample(0.8, 1, n, rng)),
      (n) => Array.from({ length: n }, () => Math.floor(rng.uniform() * 7) - 3), // ties and zeros
      (n) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : 1 + rng.uniform() * 1e-9)), // one bucket
      (n) => Array.from({ length: n }, () => (rng.uniform() < 0.5 ? 1e-300 : 1e300) * rng.uniform()),
      (n) => Array.from({ length: n }, (_, i) => (i < n / 2 ? 1 : 2)), // the middle pair straddles two buckets
    ]
    for (const make of makers) {
      for (const n of [4096, 4097, 10000, 12345]) {
        const v = make(n)
        expect(medianAbs(v)).toBe(sortedMedianAbs(v))
        expect(medianAbs(v, 100, n - 7)).toBe(sortedMedianAbs(v.slice(100, n - 7)))
      }
    }
  })
  it('handles ranges and leaves the input untouched', () => {
    const v = [5, -1, 3, -2, 4]
    expect(medianAbs(v, 1, 4)).toBe(2)
    expect(v).toEqual([5, -1, 3, -2, 4])
    expect(medianAbs([-7])).toBe(7)
    expect(medianAbs([])).toBeNaN()
  })
  it('medianInPlace selects within a segment of a buffer', () => {
    const b = new Float64Array([9, 3, 1, 2, 8, 7, 9])
    expect(medianInPlace(b, 1, 6)).toBe(3) // median of 3, 1, 2, 8, 7
    expect(b[0]).toBe(9)
    expect(b[6]).toBe(9)
    expect(medianInPlace(b, 2, 2)).toBeNaN()
  })
})
