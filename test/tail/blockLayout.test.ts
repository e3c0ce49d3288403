import { describe, expect, it } from 'vitest'
import { blockLayout } from '../../src/tail/blockLayout.ts'

// docs/api.md#tail-index: K1 = largest divisor of N ≤ √N if it is ≥ ⌊√N⌋/2, else ⌊√N⌋ with the
// N mod K1 trailing samples dropped. Expected values worked out by hand.
describe('blockLayout', () => {
  const cases: [number, number, number, number][] = [
    // N, K1, K2, dropped
    [100000, 250, 400, 0], // the reference code's choice (docs/theory.md#validation-tables)
    [10000, 100, 100, 0],
    [12, 3, 4, 0],
    [4, 2, 2, 0],
    [997, 31, 32, 5], // prime: ⌊√997⌋ = 31, 997 = 31·32 + 5
    [5, 2, 2, 1], // divisor 1 is never a block size
    [2 * 499, 31, 32, 6], // 998 = 2·499: divisor 2 < 31/2
    [1000, 25, 40, 0], // 25 ≥ ⌊31.6⌋/2 = 15.5
    [250000, 500, 500, 0],
  ]
  for (const [n, k1, k2, dropped] of cases) {
    it(`N = ${n} → K1 = ${k1}, K2 = ${k2}, ${dropped} dropped`, () => {
      expect(blockLayout(n)).toEqual({ blockSize: k1, blocks: k2, used: k1 * k2, dropped })
    })
  }
  it('uses a given block size, dropping the remainder', () => {
    expect(blockLayout(1000, 7)).toEqual({ blockSize: 7, blocks: 142, used: 994, dropped: 6 })
  })
  it('rejects layouts without K1 ≥ 2 and K2 ≥ 2 (NaN block size)', () => {
    for (const [n, k] of [
      [3, undefined],
      [10, 6],
      [10, 1],
      [10, 2.5],
      [NaN, undefined],
      [12.5, undefined],
    ] as [number, number | undefined][]) {
      expect(blockLayout(n, k).blockSize).toBeNaN()
    }
  })
})
