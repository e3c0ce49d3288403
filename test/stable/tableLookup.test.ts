import { describe, expect, it } from 'vitest'
import { alphaAt, BLOCKS, buildPanel } from '../../scripts/precompute/middleTable.ts'
import { exactTail } from '../../src/stable/exactTail.ts'
import { tableData, tableLookup } from '../../src/stable/tableLookup.ts'
import { middleTable } from '../../src/stable/tables/middleTable.ts'

// The committed table (npm run precompute) is re-checked two ways: a slice is regenerated from the
// table-free evaluator and compared coefficient by coefficient, and table values are compared with
// exactTail at points that are neither fitting nor validation points.
describe('middle-region table (src/stable/tables/middleTable.ts)', () => {
  it('has the blocks of the generator with one panel per cell and stays within the 300 KB budget', () => {
    expect(middleTable.blocks.length).toBe(BLOCKS.length)
    middleTable.blocks.forEach((b, k) => {
      expect(b.coord).toBe(BLOCKS[k].coord)
      expect(b.alphaEdges).toEqual(BLOCKS[k].alphaEdges)
      expect(b.xEdges).toEqual(BLOCKS[k].xEdges)
      expect(b.panels.length).toBe((b.alphaEdges.length - 1) * (b.xEdges.length - 1))
    })
    expect(middleTable.data.length).toBeLessThan(300_000)
  })
  it('regenerates: four panels rebuilt from exactTail equal the committed ones coefficient by coefficient', () => {
    // one panel of each block, and the worst panel of the first: (α [1.4, 1.5], x [3.5, 5.5]), (α [1.8, 1.9],
    // x [8.5, 13]), (α [0.6, 0.7], x [0.02, 0.05]), (ln(2 − α) [−5.5, −4], x [6, 8])
    const data = tableData()
    for (const [blk, i, j] of [
      [0, 3, 2],
      [0, 7, 4],
      [1, 1, 0],
      [2, 1, 2],
    ]) {
      const { coord, alphaEdges: ae, xEdges: xe } = BLOCKS[blk]
      const p = buildPanel(ae[i], ae[i + 1], xe[j], xe[j + 1], coord)
      const [rowsSf, offSf, rowsPdf, offPdf] = middleTable.blocks[blk].panels[i * (xe.length - 1) + j]
      // compare as full coefficient matrices (entries not stored count as 0): a coefficient sitting at the
      // 1e-14 storage threshold may be kept by one build and dropped by another after last-bit changes
      const worst = Math.max(
        maxDiff(unpack(data, offSf, rowsSf), unpack(p.sf, 0, p.rowsSf)),
        maxDiff(unpack(data, offPdf, rowsPdf), unpack(p.pdf, 0, p.rowsPdf)),
      )
      expect(worst).toBeLessThan(1e-13)
    }
  })
  it('matches exactTail to 1e-12 relative at 400 points per block (quasi-random), as the header states', () => {
    expect(middleTable.maxRelativeError.sf).toBeLessThan(1e-12)
    expect(middleTable.maxRelativeError.pdf).toBeLessThan(1e-12)
    for (const b of BLOCKS) {
      const [v0, v1] = [b.alphaEdges[0], b.alphaEdges[b.alphaEdges.length - 1]]
      const [x0, x1] = [b.xEdges[0], b.xEdges[b.xEdges.length - 1]]
      let worst = 0
      for (let k = 0; k < 400; k++) {
        const alpha = alphaAt(b.coord, v0 + (v1 - v0) * (((k + 0.5) * 0.7548776662) % 1))
        const x = x0 * (x1 / x0) ** (((k + 0.5) * 0.569840291) % 1)
        if (alpha === 1) continue
        const v = tableLookup(x, alpha)!
        const e = exactTail(x, alpha)
        worst = Math.max(worst, Math.abs(v.sf / e.sf - 1), Math.abs(v.pdf / e.pdf - 1))
      }
      expect(worst).toBeLessThan(1e-12)
    }
  })
  it('returns undefined outside the region', () => {
    expect(tableLookup(0.5, 1.5)).toBeUndefined()
    expect(tableLookup(14, 1.5)).toBeUndefined()
    expect(tableLookup(3, 1.9995)).toBeUndefined()
    expect(tableLookup(16, 1.95)).toBeUndefined()
    expect(tableLookup(3, 1.05)).toBeUndefined()
    expect(tableLookup(0.01, 0.7)).toBeUndefined()
    expect(tableLookup(0.5, 0.4)).toBeUndefined()
  })
})

/** Packed rows ([len, c…] per row) → dense 32 × 32 matrix. */
function unpack(c: ArrayLike<number>, off: number, rows: number): Float64Array {
  const m = new Float64Array(32 * 32)
  let p = off
  for (let i = 0; i < rows; i++) {
    const len = c[p]
    for (let k = 0; k < len; k++) m[32 * i + k] = c[p + 1 + k]
    p += len + 1
  }
  return m
}

function maxDiff(a: Float64Array, b: Float64Array): number {
  let d = 0
  for (let k = 0; k < a.length; k++) d = Math.max(d, Math.abs(a[k] - b[k]))
  return d
}
