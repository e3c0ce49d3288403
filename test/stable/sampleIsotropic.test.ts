// Isotropic SαS(1) vectors (src/stable/sampleIsotropic.ts): every 1-D projection on a unit vector must be SαS(1)
// (scipy levy_stable(α, 0) cdf, fixture test/fixtures/simulateSamplers.json). Projections on diagonal directions
// separate the isotropic law from independent coordinates (whose diagonal marginal has scale (2^(1/α))/√2 ≠ 1).
import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/random/rng.ts'
import { sample } from '../../src/stable/sample.ts'
import { isotropicMixing, sampleIsotropic } from '../../src/stable/sampleIsotropic.ts'
import fixture from '../fixtures/simulateSamplers.json' with { type: 'json' }
import { gridDistance, ksCritical } from '../helpers/gridDistance.ts'

const N = 60_000
const KS_CRIT = ksCritical(N)

function project(rows: Float64Array, d: number, u: number[]): Float64Array {
  const n = rows.length / d
  const out = new Float64Array(n)
  for (let k = 0; k < n; k++) {
    let s = 0
    for (let i = 0; i < d; i++) s += rows[k * d + i] * u[i]
    out[k] = s
  }
  return out
}

const sym = (alpha: number) => fixture.symmetric.find((r) => r.alpha === alpha)!

describe('sampleIsotropic: 1-D marginals are SαS(1)', () => {
  for (const alpha of [1.2, 1.5, 1.8, 2]) {
    for (const d of [2, 3]) {
      it(`α = ${alpha}, d = ${d}: first coordinate and a diagonal projection pass the KS grid test`, () => {
        const rows = sampleIsotropic(alpha, d, N, createRng(100 + d + alpha * 10))
        const ref = sym(alpha)
        const first = project(rows, d, [1, 0, 0].slice(0, d))
        const diag = project(
          rows,
          d,
          Array.from({ length: d }, (_, i) => (i % 2 === 0 ? 1 : -1) / Math.sqrt(d)),
        )
        expect(gridDistance(first, ref.x, ref.cdf)).toBeLessThan(KS_CRIT)
        expect(gridDistance(diag, ref.x, ref.cdf)).toBeLessThan(KS_CRIT)
      })
    }
  }
  it('independent SαS coordinates fail the diagonal test at α = 1.2 (the test separates the two models)', () => {
    const d = 2
    const x = sample(1.2, 1, N * d, createRng(3))
    const ref = sym(1.2)
    expect(gridDistance(project(x, d, [Math.SQRT1_2, Math.SQRT1_2]), ref.x, ref.cdf)).toBeGreaterThan(KS_CRIT)
  })
  it('the mixing draw is positive, 1 at α = 2, NaN outside (0, 2]', () => {
    const rng = createRng(9)
    for (let i = 0; i < 1000; i++) expect(isotropicMixing(1.5, rng)).toBeGreaterThan(0)
    expect(isotropicMixing(2, rng)).toBe(1)
    expect(isotropicMixing(2.5, rng)).toBeNaN()
    expect(sampleIsotropic(1.5, 0, 10, rng).length).toBe(0)
  })
})
