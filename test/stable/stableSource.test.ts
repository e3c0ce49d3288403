// The simulator's tabulated CMS draw (src/stable/stableSource.ts) against scipy levy_stable(α, 0) = SαS(1) cdf
// (fixture test/fixtures/simulateSamplers.json), for α on both the tabulated path and the direct fallback.
import { describe, expect, it } from 'vitest'
import { type WordSource, zigguratSlow, zigguratTables } from '../../src/random/exponentialZiggurat.ts'
import { createRng } from '../../src/random/rng.ts'
import { isTabulated, StableSource, TABULATE_AFTER } from '../../src/stable/stableSource.ts'
import fixture from '../fixtures/simulateSamplers.json' with { type: 'json' }
import { gridDistance, ksCritical } from '../helpers/gridDistance.ts'

const N = 200_000
const KS_CRIT = ksCritical(N)

describe('StableSource: SαS(1) in law', () => {
  for (const row of fixture.symmetric) {
    it(`α = ${row.alpha}: KS distance on the grid < 1.95/√n`, () => {
      const xs = new Float64Array(N)
      new StableSource(row.alpha, 31 + row.alpha * 100).fill(xs, N)
      expect(gridDistance(xs, row.x, row.cdf)).toBeLessThan(KS_CRIT)
    })
  }
  it('far tail: P(|X| > 50) matches C_α 50^(−α) within 4 s.e. at α = 1.5', () => {
    // C_1.5 = 2Γ(1.5) sin(0.75π)/π = 0.3989422804 (docs/theory.md#validation-constants); the next term is O(x^(−2α)).
    const n = 1_000_000
    const xs = new Float64Array(n)
    new StableSource(1.5, 77).fill(xs, n)
    let k = 0
    for (const x of xs) if (Math.abs(x) > 50) k++
    const p = 0.3989422804 * 50 ** -1.5
    expect(Math.abs(k / n - p)).toBeLessThan(4 * Math.sqrt(p / n))
  })
  it('a wrong α is detected (the test can fail)', () => {
    const row = fixture.symmetric.find((r) => r.alpha === 1.5)!
    const xs = new Float64Array(N)
    new StableSource(1.4, 5).fill(xs, N)
    expect(gridDistance(xs, row.x, row.cdf)).toBeGreaterThan(KS_CRIT)
  })
  it('is deterministic for a seed and NaN for α outside (0, 2]', () => {
    const a = new StableSource(1.3, 4)
    const b = new StableSource(1.3, 4)
    const xs = new Float64Array(5000)
    a.fill(xs, 5000) // crosses the word-buffer boundary
    for (let i = 0; i < 5000; i++) expect(b.next()).toBe(xs[i])
    expect(new StableSource(0, 1).next()).toBeNaN()
    expect(new StableSource(2.1, 1).next()).toBeNaN()
  })
  it("words are the project generator's stream (createRng(seed).nextUint32())", () => {
    const src = new StableSource(1.5, 99)
    const rng = createRng(99)
    for (let i = 0; i < 10_000; i++) expect(src.word()).toBe(rng.nextUint32())
  })
  it('the tables meet their checks across [0.5, 2] (so the KS tests above exercise the tabulated path)', () => {
    for (const a of [0.5, 1, 1.2, 1.5, 1.8, 1.95, 1.999, 2]) expect(isTabulated(a)).toBe(true)
    expect(isTabulated(0.1)).toBe(false) // p = −9: falls back to the direct formula (tested below)
    expect(isTabulated(0)).toBe(false)
  })
  for (const alpha of [0.1, 0.7, 1, 1.3, 1.5, 1.8, 2]) {
    it(`α = ${alpha}: every draw equals the direct CMS formula on the same words to 1e-11 (relative)`, () => {
      expect(TABULATE_AFTER).toBeLessThan(80_000)
      // Re-derive each draw from the word stream (three words: u, the sign, the ziggurat layer and position; the
      // ziggurat's slow path on the same source), then X = sin(αV)/cos(V)^(1/α)·(cos((1−α)V)/W)^((1−α)/α),
      // V = ±π(½ − u), cos V = sin(πu).
      // 90 000 draws: the first TABULATE_AFTER (65 536) by the direct formula, the rest from the tables.
      const n = 90_000
      const xs = new Float64Array(n)
      const source = new StableSource(alpha, 123)
      for (let i = 0; i < n; i += 1000) source.fill(xs.subarray(i, i + 1000), 1000)
      const rng = createRng(123)
      const src: WordSource = { word: () => rng.nextUint32(), uniform: () => rng.uniform() }
      const { k, w } = zigguratTables()
      let worst = 0
      for (let i = 0; i < n; i++) {
        const a = src.word()
        const b = src.word()
        const c = src.word()
        const u = ((a >>> 6) * 67108864 + (b >>> 6) + 0.5) / 9007199254740992
        const sign = (a & 1) === 1 ? 1 : -1
        const iz = ((a >>> 1) & 31) | ((b & 7) << 5)
        const j = (c * 8 + ((b >>> 3) & 7)) * 262144 // the 35-bit position on the 53-bit scale
        const W = j < k[iz] ? j * w[iz] : zigguratSlow(src, iz, j)
        const v = sign * Math.PI * (0.5 - u)
        const ref =
          (Math.sin(alpha * v) / Math.sin(Math.PI * u) ** (1 / alpha)) *
          (Math.cos((1 - alpha) * v) / W) ** ((1 - alpha) / alpha)
        worst = Math.max(worst, Math.abs(xs[i] - ref) / Math.max(Math.abs(ref), 1e-3))
      }
      expect(worst).toBeLessThan(1e-11)
    })
  }
})
