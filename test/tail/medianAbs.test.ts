import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/random/rng.ts'
import { medianAbs } from '../../src/tail/medianAbs.ts'

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
  it('handles ranges and leaves the input untouched', () => {
    const v = [5, -1, 3, -2, 4]
    expect(medianAbs(v, 1, 4)).toBe(2)
    expect(v).toEqual([5, -1, 3, -2, 4])
    expect(medianAbs([-7])).toBe(7)
    expect(medianAbs([])).toBeNaN()
  })
})
