import { describe, expect, it } from 'vitest'
import { stationaryDistribution } from '../../src/escape/stationaryDistribution.ts'
import { createRng } from '../../src/random/index.ts'

/** Dense Gaussian elimination with partial pivoting on Qᵀπ = 0 with the last equation replaced by Σπ = 1. */
function directSolve(rates: number[][]): number[] {
  const n = rates.length
  const m = Array.from({ length: n }, (_, j) => {
    const row = new Array<number>(n + 1).fill(0)
    for (let i = 0; i < n; i++) row[i] = i === j ? -rates[j].reduce((s, q, k) => (k === j ? s : s + q), 0) : rates[i][j]
    return row
  })
  m[n - 1] = new Array<number>(n).fill(1).concat([1])
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r
    ;[m[c], m[p]] = [m[p], m[c]]
    for (let r = 0; r < n; r++) {
      if (r === c) continue
      const f = m[r][c] / m[c][c]
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k]
    }
  }
  return m.map((row, i) => row[n] / row[i])
}

describe('stationaryDistribution (GTH)', () => {
  it('solves the two-state chain exactly: π1/π0 = q01/q10', () => {
    const pi = stationaryDistribution([
      [0, 3],
      [7, 0],
    ])!
    expect(pi[0]).toBeCloseTo(0.7, 15)
    expect(pi[1]).toBeCloseTo(0.3, 15)
  })

  it('matches a direct linear solve on random dense chains (n = 3 … 64) to 1e-12', () => {
    const rng = createRng(99)
    for (const n of [3, 5, 17, 64]) {
      const rates = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => (i === j ? 0 : rng.uniform() * 2)),
      )
      const pi = stationaryDistribution(rates)!
      const ref = directSolve(rates)
      expect(pi.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14)
      pi.forEach((x, i) => expect(Math.abs(x - ref[i]) / ref[i]).toBeLessThan(1e-12))
    }
  })

  it('keeps relative accuracy for weights spanning 1e-261 (birth–death chain, detailed balance closed form)', () => {
    const n = 30
    const up = 1e-9
    const down = 1
    const rates = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (j === i + 1 ? up : j === i - 1 ? down : 0)),
    )
    const pi = stationaryDistribution(rates)!
    // π_k ∝ (up/down)^k.
    for (let k = 1; k < n; k++) expect(Math.abs(pi[k] / pi[k - 1] / (up / down) - 1)).toBeLessThan(1e-12)
    expect(pi[n - 1]).toBeGreaterThan(0)
  })

  it('returns undefined for a state that cannot be left towards the others, or bad rates', () => {
    expect(
      stationaryDistribution([
        [0, 1, 0],
        [0, 0, 0],
        [0, 0, 0],
      ]),
    ).toBeUndefined()
    expect(
      stationaryDistribution([
        [0, -1],
        [1, 0],
      ]),
    ).toBeUndefined()
    expect(
      stationaryDistribution([
        [0, NaN],
        [1, 0],
      ]),
    ).toBeUndefined()
    expect(stationaryDistribution([])).toBeUndefined()
  })
})
