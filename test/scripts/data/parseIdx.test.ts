import { describe, expect, it } from 'vitest'
import { parseIdx } from '../../../scripts/data/index.ts'

describe('parseIdx', () => {
  it('reads the big-endian header and payload', () => {
    // magic 0x00000803 (uint8, 3 dims), dims 2×1×3 (hand-assembled bytes)
    const b = new Uint8Array([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 3, 1, 2, 3, 4, 5, 255])
    const r = parseIdx(b)
    expect(r.dims).toEqual([2, 1, 3])
    expect(Array.from(r.data)).toEqual([1, 2, 3, 4, 5, 255])
  })
  it('rejects a bad magic and a truncated payload', () => {
    expect(() => parseIdx(new Uint8Array([0, 0, 9, 1, 0, 0, 0, 1, 7]))).toThrow(/magic/)
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 7]))).toThrow(/payload/)
  })
})
