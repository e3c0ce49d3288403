import { describe, expect, it } from 'vitest'
import { normal } from '../../src/random/normal.ts'
import { createRng, type Rng } from '../../src/random/rng.ts'
import { sample } from '../../src/stable/sample.ts'
import { coordinatewiseTailIndex } from '../../src/tail/coordinatewiseTailIndex.ts'

/**
 * P rows × M columns; column c has scale 10^(−3 + 3c/M) (three decades, exercising the standardisation).
 * `draw` gives one column of P values at unit scale.
 */
function matrix(P: number, M: number, rng: Rng, draw: (n: number, rng: Rng) => Float64Array): Float64Array[] {
  const rows = Array.from({ length: P }, () => new Float64Array(M))
  for (let c = 0; c < M; c++) {
    const scale = 10 ** (-3 + (3 * c) / M)
    const col = draw(P, rng)
    for (let j = 0; j < P; j++) rows[j][c] = scale * col[j]
  }
  return rows
}

const gaussian = (n: number, rng: Rng) => Float64Array.from({ length: n }, () => normal(rng))

describe('coordinatewiseTailIndex', () => {
  it('Gaussian columns: α̂ ≥ 1.85 at every P from 16 to 130, odd and even, and no column is left out', () => {
    // Before: median centring made one value of every column exactly 0 when P' = K1·⌊P/K1⌋ was odd
    // (P = 11 → 0.25, 25 → 0.74, 49 → 1.18, 81 → 1.46, 121 → 1.62).
    const rng = createRng(2024)
    for (let P = 8; P <= 130; P++) {
      const rows = matrix(P, 600, rng, gaussian)
      const e = coordinatewiseTailIndex(rows)
      expect(e.atoms.parameters, `P = ${P}`).toBe(0)
      expect(e.columns).toBe(600)
      expect(e.blockSize).toBe(Math.floor(Math.sqrt(P)))
      expect(e.rowsUsed).toBe(e.blockSize * Math.floor(P / e.blockSize))
      // E[1/α̂] = 1/2 exactly; 600 columns give a standard error of about 0.01 on 1/α̂
      if (P >= 16) expect(e.alpha, `P = ${P}`).toBeGreaterThanOrEqual(1.85)
      else expect(e.alpha, `P = ${P}`).toBeGreaterThanOrEqual(1.7)
      expect(e.pool.includes(0)).toBe(false)
    }
  })

  for (const f of [0.05, 0.1, 0.2]) {
    it(`Gaussian columns with an atom in ${f * 100} % of rows: the atom columns are left out and α̂ ≥ 1.85`, () => {
      // Before: median centring turned the atom into exact zeros: α̂ = 1.03 / 0.64 / 0.26 at 5 / 10 / 20 %.
      const rng = createRng(31 + f * 100)
      const P = 64
      const M = 3000
      // the first 40 % of columns have an atom at −0.3 (a minibatch that misses the rare samples), the rest are tie-free
      const atomColumns = 0.4 * M
      const rows = matrix(P, M, rng, gaussian)
      let expected = 0
      for (let c = 0; c < atomColumns; c++) {
        let hits = 0
        for (let j = 0; j < P; j++)
          if (rng.uniform() < f) {
            rows[j][c] = -0.3 * 10 ** (-3 + (3 * c) / M)
            hits++
          }
        if (hits >= 2) expected++
      }
      const e = coordinatewiseTailIndex(rows)
      expect(e.atoms.parameters).toBe(expected)
      expect(e.atoms.repeated).toBe(expected)
      expect(e.atoms.reason).toContain(`${expected} of ${M} parameters`)
      // binomial: at least 2 atoms in 64 rows with probability 0.84 / 0.9987 / 1 − 1e−5
      expect(expected).toBeGreaterThan(0.8 * atomColumns)
      expect(e.columns).toBe(M - expected)
      expect(e.alpha).toBeGreaterThanOrEqual(1.85)
      expect(e.pool.includes(0)).toBe(false)
    })
  }

  it('an atom at exactly 0 (a dead unit that fires in one minibatch) leaves the column out as a zero', () => {
    const rng = createRng(5)
    const rows = matrix(49, 500, rng, gaussian)
    for (let c = 0; c < 100; c++) rows[c % 49][c] = 0 // exactly one zero per column: not a repeat
    for (let c = 100; c < 150; c++) {
      rows[3][c] = 0
      rows[7][c] = 0 // two zeros: a repeated value
    }
    rows[11][200] = Number.NaN
    const e = coordinatewiseTailIndex(rows)
    expect(e.atoms).toMatchObject({ parameters: 151, repeated: 50, zeros: 100, nonFinite: 1 })
    expect(e.columns).toBe(349)
    expect(e.alpha).toBeGreaterThanOrEqual(1.85)
  })

  for (const alpha of [1.2, 1.5, 1.8]) {
    for (const P of [49, 64, 101]) {
      it(`SαS(${alpha}) columns, P = ${P}: α̂ within 0.08 of the truth, interval covering it`, () => {
        const rng = createRng(Math.round(alpha * 1000) + P)
        const rows = matrix(P, 2000, rng, (n, r) => sample(alpha, 1, n, r))
        const e = coordinatewiseTailIndex(rows)
        expect(e.atoms.parameters).toBe(0)
        expect(Math.abs(e.alpha - alpha)).toBeLessThan(0.08)
        expect(e.interval.lower).toBeLessThan(alpha)
        expect(e.interval.upper).toBeGreaterThan(alpha)
      })
    }
  }

  it('center: true subtracts each column mean (invariant to a column offset); the default does not centre', () => {
    const rng = createRng(77)
    const rows = matrix(64, 1500, rng, (n, r) => sample(1.5, 1, n, r))
    const shifted = rows.map((r) => r.map((x, c) => x + 5 * 10 ** (-3 + (3 * c) / 1500)))
    const a = coordinatewiseTailIndex(rows, { center: true })
    const b = coordinatewiseTailIndex(shifted, { center: true })
    expect(a.centring).toBe('mean')
    expect(Math.abs(a.alpha - b.alpha)).toBeLessThan(1e-9)
    // centring bias at α = 1.5, P' = 64, K2 = 8: (ln c_8 − ln c_64)/ln 8 = 0.008 on 1/α
    expect(Math.abs(a.alpha - 1.5)).toBeLessThan(0.08)
    const raw = coordinatewiseTailIndex(shifted)
    expect(raw.centring).toBe('none')
    // an offset of 5 scales dominates the sums: blocks grow like K1, not K1^(1/α), so α̂ is near 1
    expect(raw.alpha).toBeLessThan(1.15)
  })

  it('is total: no rows, one row, or too few rows give NaN, not a throw', () => {
    expect(coordinatewiseTailIndex([]).alpha).toBeNaN()
    expect(coordinatewiseTailIndex([new Float64Array([1, 2])]).alpha).toBeNaN()
    expect(
      coordinatewiseTailIndex([new Float64Array([1]), new Float64Array([2]), new Float64Array([3])]).alpha,
    ).toBeNaN()
  })
})
