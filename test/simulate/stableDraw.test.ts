// The simulator's tabulated CMS draw (src/simulate/stableDraw.ts) against scipy levy_stable(α, 0) = SαS(1) cdf
// (fixture test/fixtures/simulateSamplers.json), for α on both the tabulated path and the direct fallback.
import { describe, expect, it } from 'vitest'
import fixture from '../fixtures/simulateSamplers.json' with { type: 'json' }
import { createRng } from '../../src/random/rng.ts'
import { stableDraw } from '../../src/simulate/stableDraw.ts'

const N = 200_000
const KS_CRIT = 1.95 / Math.sqrt(N) // P(sup|F_n − F| > crit) ≈ 0.001

function gridDistance(xs: Float64Array, grid: number[], cdf: number[]): number {
  const sorted = Float64Array.from(xs).sort()
  let worst = 0
  grid.forEach((x, j) => {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid] <= x) lo = mid + 1
      else hi = mid
    }
    worst = Math.max(worst, Math.abs(lo / sorted.length - cdf[j]))
  })
  return worst
}

describe('stableDraw: SαS(1) in law', () => {
  for (const row of fixture.symmetric) {
    it(`α = ${row.alpha}: KS distance on the grid < 1.95/√n`, () => {
      const draw = stableDraw(row.alpha, createRng(31 + row.alpha * 100))
      const xs = new Float64Array(N)
      for (let i = 0; i < N; i++) xs[i] = draw()
      expect(gridDistance(xs, row.x, row.cdf)).toBeLessThan(KS_CRIT)
    })
  }
  it('far tail: P(|X| > 50) matches C_α 50^(−α) within 4 s.e. at α = 1.5', () => {
    // C_1.5 = 2Γ(1.5) sin(0.75π)/π = 0.3989422804 (spec/theory.md §4.5 T1); the next term is O(x^(−2α)).
    const draw = stableDraw(1.5, createRng(77))
    const n = 1_000_000
    let k = 0
    for (let i = 0; i < n; i++) if (Math.abs(draw()) > 50) k++
    const p = 0.3989422804 * 50 ** -1.5
    expect(Math.abs(k / n - p)).toBeLessThan(4 * Math.sqrt(p / n))
  })
  it('a wrong α is detected (the test can fail)', () => {
    const row = fixture.symmetric.find((r) => r.alpha === 1.5)!
    const draw = stableDraw(1.4, createRng(5))
    const xs = new Float64Array(N)
    for (let i = 0; i < N; i++) xs[i] = draw()
    expect(gridDistance(xs, row.x, row.cdf)).toBeGreaterThan(KS_CRIT)
  })
  it('is deterministic for a seed and NaN for α outside (0, 2]', () => {
    const a = stableDraw(1.3, createRng(4))
    const b = stableDraw(1.3, createRng(4))
    for (let i = 0; i < 100; i++) expect(a()).toBe(b())
    expect(stableDraw(0, createRng(1))()).toBeNaN()
    expect(stableDraw(2.1, createRng(1))()).toBeNaN()
  })
})
