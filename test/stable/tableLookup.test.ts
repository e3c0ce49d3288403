import { describe, expect, it } from 'vitest'
import { ALPHA_EDGES, X_EDGES, buildPanel } from '../../scripts/precompute/middleTable.ts'
import { exactTail } from '../../src/stable/exactTail.ts'
import { tableData, tableLookup } from '../../src/stable/tableLookup.ts'
import { middleTable } from '../../src/stable/tables/middleTable.ts'

// The committed table (npm run precompute) is re-checked two ways: a slice is regenerated from the
// table-free evaluator and compared coefficient by coefficient, and table values are compared with
// exactTail at points that are neither fitting nor validation points.
describe('middle-region table (src/stable/tables/middleTable.ts)', () => {
  it('covers α ∈ [1.1, 1.9] × x ∈ [1, 13] with one panel per cell and stays within the 300 KB budget', () => {
    expect(middleTable.alphaEdges).toEqual(ALPHA_EDGES)
    expect(middleTable.xEdges).toEqual(X_EDGES)
    expect(middleTable.panels.length).toBe((ALPHA_EDGES.length - 1) * (X_EDGES.length - 1))
    expect(middleTable.data.length).toBeLessThan(300_000)
  })
  it('regenerates: panels (α [1.4, 1.5], x [3.5, 5.5]) and (α [1.8, 1.9], x [8.5, 13]) equal the committed ones', () => {
    for (const [i, j] of [[3, 2], [7, 4]]) {
      const p = buildPanel(ALPHA_EDGES[i], ALPHA_EDGES[i + 1], X_EDGES[j], X_EDGES[j + 1])
      const [na, nx, offSf, offPdf] = middleTable.panels[i * (X_EDGES.length - 1) + j]
      expect([p.na, p.nx]).toEqual([na, nx])
      expect(offPdf - offSf).toBe(na * nx)
      // coefficient by coefficient (equal up to last-bit differences of Math.* between engines)
      const data = tableData()
      let worst = 0
      for (let k = 0; k < na * nx; k++) {
        worst = Math.max(worst, Math.abs(data[offSf + k] - p.sf[k]), Math.abs(data[offPdf + k] - p.pdf[k]))
      }
      expect(worst).toBeLessThan(1e-14)
    }
  })
  it('matches exactTail to 1e-12 relative at 400 points spread over the region, as the header states', () => {
    expect(middleTable.maxRelativeError.sf).toBeLessThan(1e-12)
    expect(middleTable.maxRelativeError.pdf).toBeLessThan(1e-12)
    let worst = 0
    for (let k = 0; k < 400; k++) {
      const alpha = 1.1 + 0.8 * ((k * 0.7548776662) % 1)
      const x = 1 + 12 * ((k * 0.5698402910) % 1)
      const v = tableLookup(x, alpha)!
      const e = exactTail(x, alpha)
      worst = Math.max(worst, Math.abs(v.sf / e.sf - 1), Math.abs(v.pdf / e.pdf - 1))
    }
    expect(worst).toBeLessThan(1e-12)
  })
  it('returns undefined outside the region', () => {
    expect(tableLookup(0.5, 1.5)).toBeUndefined()
    expect(tableLookup(14, 1.5)).toBeUndefined()
    expect(tableLookup(3, 1.95)).toBeUndefined()
    expect(tableLookup(3, 1.05)).toBeUndefined()
  })
})

