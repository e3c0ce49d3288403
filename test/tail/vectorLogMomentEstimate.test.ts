import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/random/rng.ts'
import { sample } from '../../src/stable/sample.ts'
import { vectorLogMomentEstimate } from '../../src/tail/vectorLogMomentEstimate.ts'
import { expectMatchesOracle, oracleCases } from './oracleFixture.ts'

const X = [0.3, -1.2, 2.5, 0.05, -0.7, 4.0, -0.01, 1.1, -3.3, 0.6, 0.2, -0.9]

describe('vectorLogMomentEstimate (docs/theory.md#log-moment-estimator, Euclidean norms of rows)', () => {
  it('matches T4 (x reshaped 6×2, K1 = 3) to 1e-10', () => {
    const rows = [0, 1, 2, 3, 4, 5].map((i) => [X[2 * i], X[2 * i + 1]])
    const e = vectorLogMomentEstimate(rows, { blockSize: 3 })
    expect(Math.abs(e.inverseAlpha - 0.536690264984)).toBeLessThan(1e-10)
    expect(Math.abs(e.rawAlpha - 1.86327210543)).toBeLessThan(1e-10)
    expect([e.blocks, e.used]).toEqual([2, 6])
  })

  it('on one-column rows equals the 1-D estimator', () => {
    const rows = X.map((v) => [v])
    expect(Math.abs(vectorLogMomentEstimate(rows, { blockSize: 4 }).inverseAlpha - 1.22800727615)).toBeLessThan(1e-10)
  })

  for (const c of oracleCases('vector')) {
    it(`matches the numpy oracle (300×4 anisotropic, center ${c.center}) to 1e-10`, () => {
      expectMatchesOracle(
        vectorLogMomentEstimate(c.samples as number[][], { center: c.center, confidence: c.confidence }),
        c.expected,
      )
    })
  }

  // docs/theory.md#estimator-caveats: d = 50 anisotropic independent components, K = 4000 vectors, K1 ∈ {10, 40, 63}: the
  // scipy draws give α̂ within 0.03 of α; with our own CMS draws we require |α̂ − α| < 0.1.
  for (const [alpha, seed] of [
    [1.2, 21],
    [1.5, 22],
    [1.8, 23],
  ]) {
    it(`d = 50 anisotropic components at α = ${alpha}: |α̂ − α| < 0.1 for K1 = 10, 40, 63`, () => {
      const rng = createRng(seed)
      const scales = Array.from({ length: 50 }, (_, i) => 10 ** (i / 25 - 1))
      const rows = Array.from({ length: 4000 }, () => {
        const z = sample(alpha, 1, 50, rng)
        return scales.map((s, i) => s * z[i])
      })
      for (const k1 of [10, 40, 63])
        expect(Math.abs(vectorLogMomentEstimate(rows, { blockSize: k1 }).alpha - alpha)).toBeLessThan(0.1)
    })
  }

  it('is total: ragged rows, empty rows or too few rows give NaN', () => {
    expect(vectorLogMomentEstimate([[1, 2], [3], [4, 5], [6, 7]]).inverseAlpha).toBeNaN()
    expect(vectorLogMomentEstimate([[], [], [], []]).inverseAlpha).toBeNaN()
    expect(vectorLogMomentEstimate([[1], [2], [3]]).inverseAlpha).toBeNaN()
  })
})
